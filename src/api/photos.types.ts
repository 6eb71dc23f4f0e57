/** Photos for a post: pick on the device, upload, get back URLs to put in `post.create`. */
export interface Photos {
  /** False where uploading is not built yet (WeChat: left to the cloud version). */
  supported: boolean;
  /** Lets the person pick up to `max` images and uploads them; resolves with their URLs. */
  pickAndUpload(max: number): Promise<string[]>;
}
