// Loads wink-nlp and its English model when first called, not when the background starts: the
// model is about 3 MB of data, and bundlers keep a CommonJS `require` inside a function lazy, so
// a service-worker wake that never checks tone (an alarm, the popup) does not pay for it.
module.exports = function loadWink() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the require must stay inside this function to stay lazy
  return { winkNLP: require('wink-nlp'), model: require('wink-eng-lite-web-model') };
};
