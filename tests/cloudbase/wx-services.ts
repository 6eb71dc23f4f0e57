/**
 * WeChat's open APIs and cloud storage as the emulation answers them. Calls are recorded as WeChat
 * receives them — snake_case parameters (`template_id`, `miniprogram_state`), after the SDK's own
 * conversion — and answered with the JSON body WeChat sends: `{ errcode: 0, … }`, or an `errcode` that
 * the SDK turns into a rejection with that numeric `errCode` (43101: the user refused the message).
 * Tests replace an answer to script WeChat's side.
 */
export type WxBody = Record<string, unknown>;
export type OpenApiAnswer = (params: WxBody) => WxBody | Promise<WxBody>;

export interface OpenApiCall {
  api: string;
  params: WxBody;
}

/** A temporary URL, or the storage error code for that file (e.g. STORAGE_FILE_NONEXIST). */
export type FileAnswer = { tempFileURL: string } | { code: string };

export interface WxServices {
  /** Every open-API call, in order. */
  calls: OpenApiCall[];
  /** The parameters of each call to one API, e.g. `callsOf('subscribeMessage.send')`. */
  callsOf(api: string): WxBody[];
  /** Answers by API name: 'subscribeMessage.send', 'security.msgSecCheck', 'security.mediaCheckAsync'. */
  answers: Record<string, OpenApiAnswer>;
  /** The answer for one file of `getTempFileURL`. */
  tempFile: (fileID: string) => FileAnswer;
  /** The file lists `getTempFileURL` was asked for, one entry per request. */
  fileRequests: string[][];
}

export function createWxServices(): WxServices {
  let traces = 0;
  const calls: OpenApiCall[] = [];
  return {
    calls,
    callsOf: (api) => calls.filter((c) => c.api === api).map((c) => c.params),
    answers: {
      'subscribeMessage.send': () => ({ errcode: 0, errmsg: 'ok' }),
      'security.msgSecCheck': () => ({
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'pass', label: 100 },
        detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
        trace_id: `trace-${(traces += 1)}`,
      }),
      'security.mediaCheckAsync': () => ({ errcode: 0, errmsg: 'ok', trace_id: `trace-${(traces += 1)}` }),
    },
    tempFile: (fileID) => ({
      tempFileURL: `https://tmp.example/${fileID.replace(/^cloud:\/\//, '')}?sign=1`,
    }),
    fileRequests: [],
  };
}

/** The JSON body WeChat answers one open-API call with (recorded first). */
export async function answerOpenApi(services: WxServices, api: string, params: WxBody): Promise<WxBody> {
  services.calls.push({ api, params });
  const answer = services.answers[api];
  if (!answer) return { errcode: -604100, errmsg: `API not found: ${api}` };
  return answer(params);
}

/** The body storage answers `storage.batchGetDownloadUrl` with. */
export function answerTempFiles(services: WxServices, fileList: unknown): WxBody {
  const ids = (Array.isArray(fileList) ? fileList : []).map((f) =>
    String((f as { fileid?: unknown }).fileid),
  );
  services.fileRequests.push(ids);
  const downloadList = ids.map((fileID) => {
    const answer = services.tempFile(fileID);
    return 'code' in answer
      ? { fileID, tempFileURL: '', code: answer.code }
      : { fileID, tempFileURL: answer.tempFileURL, code: 'SUCCESS', maxAge: 86400 };
  });
  return { data: { download_list: downloadList } };
}
