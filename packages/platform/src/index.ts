// Public surface of @wazo-ts/platform.
export {};
