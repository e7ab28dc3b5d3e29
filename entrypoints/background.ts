import { defineBackground } from 'wxt/utils/define-background';

// The background has no work yet: checking happens in the content script (see lib/).
export default defineBackground(() => {});
