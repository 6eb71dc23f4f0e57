/**
 * Where the app stores a user's photos in cloud storage (issue 7): the app uploads under this folder and
 * the cloud function accepts in a post only fileIDs under the poster's own folder, so both take it from here.
 */
export const cloudPhotoFolder = (userId: string): string => `posts/${userId}/`;
