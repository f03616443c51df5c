export declare function localeTemplates(): Record<string, Record<string, unknown>>;
export declare function messageNumbers(): Map<string, number>;
export declare function scriptTagMessageCount(): number;
