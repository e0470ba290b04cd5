/**
 * Fits the sentence-pair support model (lib/align/similarity.ts `scoreSupport`) on
 * the MRPC training pairs and reports how well it generalises.
 *
 * Prints, with the deterministic 10-fold CV of scripts/eval-mrpc.ts (fold = line
 * index mod 10; per fold: fit on nine folds, threshold with the best training
 * accuracy, score the tenth):
 *   - the support model (inputs + pairwise products, L2 = LAMBDA) against plain
 *     word overlap and against the inputs alone (no products), mean/min/max/sd over folds;
 *   - the same CV for a few other L2 strengths, so the choice of LAMBDA is visible;
 *   - with --nested, an honest estimate of the whole procedure: inside each outer
 *     fold the L2 strength is chosen by an inner 5-fold CV on the training part only.
 * Then fits on all pairs and prints the threshold; --write rewrites
 * lib/align/support-weights.ts with that fit.
 *
 * Run: npx tsx scripts/fit-support.ts [--data pairs.tsv] [--nested] [--write]
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { scoreInputs, SUPPORT_INPUTS, SUPPORT_TERMS, type SupportModel } from "../lib/align/similarity";
import {
  FOLDS, LAMBDA, bestThreshold, crossValidate, defaultMrpcFile, describeFolds, featurize, fitLogistic, fitSupportModel,
  logisticScore, readMrpc, supportFitter, type Fitter,
} from "./eval-mrpc";

const LAMBDAS = [1, 3, 10, 30];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Accuracy on `test` of a model fitted on `train` with L2 strength `lambda`. */
function heldOut(X: number[][], y: number[], train: number[], test: number[], lambda: number): number {
  const m = fitSupportModel(train.map((i) => X[i]), train.map((i) => y[i]), lambda);
  let ok = 0;
  for (const i of test) if ((scoreInputs(X[i], m) >= m.threshold ? 1 : 0) === y[i]) ok++;
  return ok / test.length;
}

/** Nested CV: the L2 strength is picked per outer fold by an inner 5-fold CV on its training part. */
function nestedCv(X: number[][], y: number[]): { accuracies: number[]; lambdas: number[] } {
  const accuracies: number[] = [];
  const lambdas: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = y.map((_, i) => i).filter((i) => i % FOLDS !== f);
    const test = y.map((_, i) => i).filter((i) => i % FOLDS === f);
    let best = { lambda: LAMBDAS[0], acc: -1 };
    for (const lambda of LAMBDAS) {
      let acc = 0;
      for (let g = 0; g < 5; g++) {
        const inTrain = train.filter((_, k) => k % 5 !== g);
        const inTest = train.filter((_, k) => k % 5 === g);
        acc += heldOut(X, y, inTrain, inTest, lambda) / 5;
      }
      if (acc > best.acc) best = { lambda, acc };
    }
    lambdas.push(best.lambda);
    accuracies.push(heldOut(X, y, train, test, best.lambda));
    console.log(`  outer fold ${f}: lambda ${best.lambda}, held-out accuracy ${accuracies[f].toFixed(4)}`);
  }
  return { accuracies, lambdas };
}

function weightsFile(model: SupportModel, cv: number[], overlap: number[], pairs: number): string {
  const num = (v: number) => Number(v.toPrecision(8));
  const list = (v: readonly number[]) => `[\n${v.map((x) => `    ${num(x)},`).join("\n")}\n  ]`;
  const mean = cv.reduce((s, x) => s + x, 0) / cv.length;
  const oMean = overlap.reduce((s, x) => s + x, 0) / overlap.length;
  return `/**
 * Fitted weights of the sentence-pair support model (lib/align/similarity.ts, scoreSupport).
 *
 * Written by \`npx tsx scripts/fit-support.ts --write\`; do not edit by hand.
 * Data: MRPC training split (../shared/datasets/mrpc-train/pairs.tsv, ${pairs} pairs, label 1 = same meaning).
 * Model: logistic regression on the ${SUPPORT_INPUTS.length} inputs of supportInputs (clamped to inputMin..inputMax,
 * their range in these pairs) and their pairwise products (${SUPPORT_TERMS.length} terms), each standardised;
 * L2 = ${LAMBDA}; Newton iterations from zero; fitted on all pairs.
 * 10-fold CV accuracy (fold = line index mod 10): ${describeFolds(cv)};
 * plain word overlap with its best training threshold: mean ${oMean.toFixed(4)}.
 * Threshold: the one with the best accuracy on all training pairs.
 */
import type { SupportModel } from "./similarity";

export const SUPPORT_MODEL: SupportModel = {
  terms: ${JSON.stringify(model.terms)},
  inputMin: ${list(model.inputMin)},
  inputMax: ${list(model.inputMax)},
  mean: ${list(model.mean)},
  scale: ${list(model.scale)},
  weights: ${list(model.weights)},
  bias: ${num(model.bias)},
  threshold: ${num(model.threshold)},
};
`;
}

function main(): void {
  const file = argValue("--data") ?? defaultMrpcFile();
  const pairs = readMrpc(file);
  const t0 = performance.now();
  const { X, y, overlap } = featurize(pairs);
  const ms = performance.now() - t0;
  const positives = y.reduce((s, v) => s + v, 0);
  console.log(`MRPC ${pairs.length} pairs (${positives} same meaning, majority baseline ${(Math.max(positives, pairs.length - positives) / pairs.length).toFixed(4)}), features in ${ms.toFixed(0)} ms`);
  console.log(`${FOLDS}-fold CV, fold = line index mod ${FOLDS}; thresholds chosen on the training folds`);

  const cv = crossValidate(X, y, overlap, supportFitter(LAMBDA));
  console.log(`support model (${SUPPORT_TERMS.length} terms, L2 ${LAMBDA}): ${describeFolds(cv.foldAccuracies)}`);
  console.log(`  per fold: ${cv.foldAccuracies.map((a) => a.toFixed(3)).join(" ")}`);
  console.log(`  thresholds: ${cv.foldThresholds.map((a) => a.toFixed(3)).join(" ")}`);
  console.log(`word overlap baseline:          ${describeFolds(cv.overlapFoldAccuracies)}`);
  console.log(`  per fold: ${cv.overlapFoldAccuracies.map((a) => a.toFixed(3)).join(" ")}`);
  // For comparison: the same inputs in a purely linear model (no products).
  const linearFitter: Fitter = (Xt, yt) => {
    const m = fitLogistic(Xt, yt, 1);
    return { score: (x) => logisticScore(m, x), threshold: bestThreshold(Xt.map((x) => logisticScore(m, x)), yt).threshold };
  };
  const linear = crossValidate(X, y, overlap, linearFitter);
  console.log(`inputs only, no products (${SUPPORT_INPUTS.length} terms, L2 1): ${describeFolds(linear.foldAccuracies)}`);
  for (const lambda of LAMBDAS) {
    if (lambda === LAMBDA) continue;
    console.log(`support model with L2 ${lambda}: ${describeFolds(crossValidate(X, y, overlap, supportFitter(lambda)).foldAccuracies)}`);
  }
  if (process.argv.includes("--nested")) {
    console.log(`nested CV (L2 chosen from ${LAMBDAS.join(", ")} by inner 5-fold CV):`);
    const nested = nestedCv(X, y);
    console.log(`nested CV accuracy: ${describeFolds(nested.accuracies)}`);
  }

  const model = fitSupportModel(X, y, LAMBDA);
  const train = bestThreshold(X.map((x) => scoreInputs(x, model)), y);
  console.log(`fit on all ${pairs.length} pairs: threshold ${model.threshold.toFixed(4)}, training accuracy ${train.accuracy.toFixed(4)}`);
  const order = model.weights.map((w, i) => i).sort((i, j) => Math.abs(model.weights[j]) - Math.abs(model.weights[i]));
  console.log(`largest standardised weights: ${order.slice(0, 10).map((i) => `${SUPPORT_TERMS[i]} ${model.weights[i].toFixed(2)}`).join(", ")}`);
  if (process.argv.includes("--write")) {
    const out = path.resolve(__dirname, "..", "lib", "align", "support-weights.ts");
    writeFileSync(out, weightsFile(model, cv.foldAccuracies, cv.overlapFoldAccuracies, pairs.length));
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
}

main();
