import type winkNLP from 'wink-nlp';
import type { Model } from 'wink-nlp';

/** wink-nlp and its English web model, loaded on the first call (see wink-load.cjs). */
declare function loadWink(): { winkNLP: typeof winkNLP; model: Model };
export = loadWink;
