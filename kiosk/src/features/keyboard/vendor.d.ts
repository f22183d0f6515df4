// Deep imports whose packages ship no types for them.
declare module 'opencc-js/dict/STCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariants' {
  const dict: string;
  export default dict;
}
declare module 'simple-keyboard/build/index.modern.esm.js' {
  export { default } from 'simple-keyboard';
}
