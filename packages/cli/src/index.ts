// Public surface of @wazo-ts/cli.
export {};
