/** The diagram layout lives in shared/, so the server's SVG and PNG exports draw the same picture. */
export { BOX, type PlacedLink, type PlacedNode, type TreeLayout, layoutTree } from '@tischrunde/shared'
