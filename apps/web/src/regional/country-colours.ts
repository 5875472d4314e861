/**
 * Okabe–Ito: told apart with the common colour-vision deficiencies. Countries take them in the
 * order of the table's columns; the table beside each chart says the same in words.
 */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'];

export const countryColour = (index: number) => PALETTE[index % PALETTE.length];
