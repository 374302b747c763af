/**
 * The baseline: wink-nlp with its English lite model tagging text for entities (tokens, sentences,
 * part of speech, named entities), the work a general NLP library does before any claim is read.
 * One thread, as a newsroom would run it; measured after a short warm-up.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface WinkFigures {
  mb: number;
  seconds: number;
  mb_s: number;
  entities: number;
}

/** Tag `texts` for entities with wink-nlp; throughput in MB (UTF-8 bytes) per second. */
export function winkBaseline(texts: readonly string[], warmup: readonly string[] = texts.slice(0, 50)): WinkFigures {
  const nlp = winkNLP(model);
  const its = nlp.its;
  for (const t of warmup) nlp.readDoc(t).entities().out(its.detail);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const started = performance.now();
  let entities = 0;
  for (const t of texts) entities += nlp.readDoc(t).entities().out(its.detail).length;
  const seconds = (performance.now() - started) / 1000;
  return { mb: bytes / 1e6, seconds, mb_s: bytes / 1e6 / seconds, entities };
}
