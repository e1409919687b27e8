export { foldVietnamese, foldedWords } from './fold';
export { compareVietnamese, sortByVietnamese } from './collate';
