/**
 * Sentence-pair support evaluation on the MRPC training split
 * (../shared/datasets/mrpc-train/pairs.tsv: `label<TAB>s1<TAB>s2`, label 1 = same meaning).
 *
 * 10-fold cross-validation with a deterministic fold assignment (line index mod 10):
 * on each fold the support model (lib/align/similarity.ts: inputs clamped to their
 * training range, inputs and pairwise products standardised, L2-regularised
 * logistic regression by Newton iterations) is fitted on the other nine folds,
 * its decision threshold is the one with the best training accuracy, and the
 * held-out fold is scored through `scoreInputs`, the same code the product runs. The baseline is plain word overlap
 * (F-score of shared lower-cased words), its threshold also chosen on the training folds.
 *
 * Also holds the small fitting code scripts/fit-support.ts uses for the committed weights.
 *
 * Run: npx tsx scripts/eval-mrpc.ts [pairs.tsv]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  measureSimilarity, scoreInputs, supportInputs, supportTerms, SUPPORT_TERMS, type SupportModel,
} from "../lib/align/similarity";
import { tokenize } from "../lib/text";

export const FOLDS = 10;
/** L2 penalty on the standardised weights (sum of log-losses + LAMBDA/2 · |w|²). */
export const LAMBDA = 10;

export interface MrpcPair {
  label: 0 | 1;
  a: string;
  b: string;
}

export interface MrpcEval {
  /** Mean held-out accuracy over the folds. */
  cvAccuracy: number;
  /** The same for the word-overlap baseline. */
  overlapAccuracy: number;
  pairs: number;
  foldAccuracies: number[];
  overlapFoldAccuracies: number[];
  /** Thresholds chosen on each fold's training part. */
  foldThresholds: number[];
}

/** Reads `label<TAB>s1<TAB>s2` lines (split on tabs only; quotes are text). */
export function readMrpc(file: string): MrpcPair[] {
  const out: MrpcPair[] = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const cols = line.split("\t");
    if (cols.length < 3 || (cols[0] !== "0" && cols[0] !== "1")) continue;
    out.push({ label: cols[0] === "1" ? 1 : 0, a: cols[1], b: cols[2] });
  }
  return out;
}

/** Plain word overlap: F-score of shared lower-cased words (clipped counts), no stems, no synonyms. */
export function wordOverlap(a: string, b: string): number {
  const wa = tokenize(a).map((t) => t.norm);
  const wb = tokenize(b).map((t) => t.norm);
  const left = new Map<string, number>();
  for (const w of wb) left.set(w, (left.get(w) ?? 0) + 1);
  let m = 0;
  for (const w of wa) {
    const k = left.get(w) ?? 0;
    if (k > 0) {
      left.set(w, k - 1);
      m++;
    }
  }
  return wa.length + wb.length ? (2 * m) / (wa.length + wb.length) : 0;
}

/** Threshold with the best accuracy on (scores, labels); ties go to the one nearest `prefer`. */
export function bestThreshold(scores: number[], labels: number[], prefer = 0.5): { threshold: number; accuracy: number } {
  const order = scores.map((_, i) => i).sort((i, j) => scores[i] - scores[j] || i - j);
  // Threshold below everything: all predicted positive.
  let correct = labels.reduce((s, y) => s + y, 0);
  let best = { threshold: scores[order[0]] - 1e-9, accuracy: correct / labels.length };
  for (let k = 0; k < order.length; k++) {
    // Move order[k] to the negative side.
    correct += labels[order[k]] === 0 ? 1 : -1;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    const t = k + 1 < order.length ? (scores[order[k]] + scores[order[k + 1]]) / 2 : scores[order[k]] + 1e-9;
    const acc = correct / labels.length;
    if (acc > best.accuracy + 1e-12 || (Math.abs(acc - best.accuracy) <= 1e-12 && Math.abs(t - prefer) < Math.abs(best.threshold - prefer))) {
      best = { threshold: t, accuracy: acc };
    }
  }
  return best;
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/** A fitted linear-logistic scorer over standardised columns. */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/**
 * L2-regularised logistic regression by Newton's method on standardised columns
 * of Z (the bias is not penalised). Deterministic: starts at zero, fixed iteration cap.
 */
export function fitLogistic(Z0: number[][], y: number[], lambda = LAMBDA): LogisticFit {
  const d = Z0[0].length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of Z0) for (let j = 0; j < d; j++) mean[j] += x[j] / Z0.length;
  for (const x of Z0) for (let j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) ** 2 / Z0.length;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const Z = Z0.map((x) => x.map((v, j) => (v - mean[j]) / scale[j]));
  // Parameters: [bias, w_1..w_d].
  let theta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < 50; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < Z.length; i++) {
      const z = Z[i];
      let s = theta[0];
      for (let j = 0; j < d; j++) s += theta[j + 1] * z[j];
      const p = 1 / (1 + Math.exp(-s));
      const r = p - y[i];
      const w = p * (1 - p);
      grad[0] += r;
      H[0][0] += w;
      for (let j = 0; j < d; j++) {
        const wz = w * z[j];
        grad[j + 1] += r * z[j];
        H[0][j + 1] += wz;
        const row = H[j + 1];
        for (let k = j; k < d; k++) row[k + 1] += wz * z[k];
      }
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) H[j][k] = H[k][j];
    for (let j = 1; j <= d; j++) {
      grad[j] += lambda * theta[j];
      H[j][j] += lambda;
    }
    const step = solve(H, grad);
    theta = theta.map((t, j) => t - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { mean, scale, weights: theta.slice(1), bias: theta[0] };
}

/** Logistic score of one row under a `LogisticFit`. */
export function logisticScore(m: LogisticFit, z: readonly number[]): number {
  let s = m.bias;
  for (let j = 0; j < z.length; j++) s += m.weights[j] * ((z[j] - m.mean[j]) / m.scale[j]);
  return 1 / (1 + Math.exp(-s));
}

/**
 * Fits the support model on input vectors (`supportInputs`): records the input
 * range, forms the terms (inputs and their products), fits the logistic model
 * and picks the threshold with the best training accuracy.
 */
export function fitSupportModel(X: number[][], y: number[], lambda = LAMBDA): SupportModel {
  const d = X[0].length;
  const inputMin = Array.from({ length: d }, (_, j) => Math.min(...X.map((x) => x[j])));
  const inputMax = Array.from({ length: d }, (_, j) => Math.max(...X.map((x) => x[j])));
  const fit = fitLogistic(X.map((x) => supportTerms(x)), y, lambda);
  const model: SupportModel = { terms: [...SUPPORT_TERMS], inputMin, inputMax, ...fit, threshold: 0.5 };
  model.threshold = bestThreshold(X.map((x) => scoreInputs(x, model)), y).threshold;
  return model;
}

/** Something that learns a scorer and a threshold from training rows. */
export type Fitter = (X: number[][], y: number[]) => { score: (x: number[]) => number; threshold: number };

/** The committed model's procedure: `fitSupportModel`, scored by `scoreInputs` (the runtime path). */
export function supportFitter(lambda = LAMBDA): Fitter {
  return (X, y) => {
    const model = fitSupportModel(X, y, lambda);
    return { score: (x) => scoreInputs(x, model), threshold: model.threshold };
  };
}

/** Input vectors (`supportInputs`), labels and overlap scores of every pair. */
export function featurize(pairs: MrpcPair[]): { X: number[][]; y: number[]; overlap: number[] } {
  return {
    X: pairs.map((p) => supportInputs(measureSimilarity(p.a, p.b))),
    y: pairs.map((p) => p.label),
    overlap: pairs.map((p) => wordOverlap(p.a, p.b)),
  };
}

/** 10-fold CV (fold = index mod 10) of a fitter (default: the support model) and of the overlap baseline. */
export function crossValidate(X: number[][], y: number[], overlap: number[], fitter: Fitter = supportFitter()): Omit<MrpcEval, "pairs"> {
  const foldAccuracies: number[] = [];
  const overlapFoldAccuracies: number[] = [];
  const foldThresholds: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = y.map((_, i) => i).filter((i) => i % FOLDS !== f);
    const test = y.map((_, i) => i).filter((i) => i % FOLDS === f);
    const model = fitter(train.map((i) => X[i]), train.map((i) => y[i]));
    foldThresholds.push(model.threshold);
    let ok = 0;
    for (const i of test) if ((model.score(X[i]) >= model.threshold ? 1 : 0) === y[i]) ok++;
    foldAccuracies.push(ok / test.length);
    const t = bestThreshold(train.map((i) => overlap[i]), train.map((i) => y[i])).threshold;
    let okO = 0;
    for (const i of test) if ((overlap[i] >= t ? 1 : 0) === y[i]) okO++;
    overlapFoldAccuracies.push(okO / test.length);
  }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  return {
    cvAccuracy: mean(foldAccuracies),
    overlapAccuracy: mean(overlapFoldAccuracies),
    foldAccuracies,
    overlapFoldAccuracies,
    foldThresholds,
  };
}

/** Cross-validated accuracy of the support score and of word overlap on an MRPC pairs file. */
export function evalMrpc(file: string): MrpcEval {
  const pairs = readMrpc(file);
  const { X, y, overlap } = featurize(pairs);
  return { ...crossValidate(X, y, overlap), pairs: pairs.length };
}

/** Default location of the MRPC training pairs, relative to the repository. */
export function defaultMrpcFile(): string {
  return path.resolve(__dirname, "..", "..", "shared", "datasets", "mrpc-train", "pairs.tsv");
}

/** "mean 0.780 (min 0.750, max 0.800, sd 0.015)" */
export function describeFolds(v: number[]): string {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
  return `mean ${mean.toFixed(4)} (min ${Math.min(...v).toFixed(4)}, max ${Math.max(...v).toFixed(4)}, sd ${sd.toFixed(4)})`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const file = process.argv[2] ?? defaultMrpcFile();
  const r = evalMrpc(file);
  console.log(`MRPC ${r.pairs} pairs, ${FOLDS}-fold CV (fold = line index mod ${FOLDS})`);
  console.log(`support score: ${describeFolds(r.foldAccuracies)}`);
  console.log(`word overlap:  ${describeFolds(r.overlapFoldAccuracies)}`);
}
