export { registerFilesRoutes } from './files.routes';
export { assertFilesUsable, fileRefsInFields, linkFilesToDossier, uploadFile, type FileMeta, type FileRefs } from './files.service';
export { sniffFileType, acceptedFileTypes, type AcceptedFileType } from './file-type';
export { files, fileBlobs, fileLinks } from './files.schema';
