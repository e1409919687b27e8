export { useLoad } from '../citizen/use-load';
