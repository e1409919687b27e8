import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Tinos (Apache/OFL, shipped as TTF by the npm package @expo-google-fonts/tinos) is
 * metric-compatible with Times New Roman, the font ND 30/2020/NĐ-CP Phụ lục I requires
 * for administrative documents, and covers every Vietnamese letter and tone mark.
 * The files are read from node_modules, never downloaded.
 */
export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const;

export type FontStyle = keyof typeof FONT_FILES;
