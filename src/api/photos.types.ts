/** Photos for a post: pick on the device, upload, get back URLs to put in `post.create`. */
export interface Photos {
  /** False where photos cannot be uploaded from this platform. */
  supported: boolean;
  /** Lets the person pick up to `max` images and uploads them; resolves with URLs (browser) or cloud fileIDs (WeChat). */
  pickAndUpload(max: number): Promise<string[]>;
}
