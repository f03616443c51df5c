export declare function testPostgresUrl(): string | undefined;
