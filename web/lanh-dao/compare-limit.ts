/** How many communes are compared side by side at most: six columns still fit an office screen and stay readable. */
export const MAX_COMPARE = 6;
