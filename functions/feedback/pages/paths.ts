/** The public form. */
export const FORM_PATH = '/tyck-till';
/** Where the form's optional character count script is served (same origin, so the CSP allows it). */
export const CHARACTER_COUNT_PATH = `${FORM_PATH}/teckenraknare.js`;
/** The public summaries page. */
export const SUMMARY_PATH = `${FORM_PATH}/sammanstallning`;
/** The moderators' staff section. */
export const MODERATION_PATH = '/personal/tyck-till';
/** Where the moderators' page used to be (bookmarks still lead to the new one). */
export const OLD_MODERATION_PATH = `${FORM_PATH}/moderering`;
