export declare const BUDGET_GZIP_BYTES: number;
export declare function measure(): { raw: number; gzip: number; brotli: number };
