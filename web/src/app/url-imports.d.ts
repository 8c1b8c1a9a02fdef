// Vite: `import url from "./file.json?url"` emits the file as a hashed asset and gives its address.
declare module "*.json?url" {
  const url: string;
  export default url;
}
declare module "*.js?url" {
  const url: string;
  export default url;
}
