import { score } from '@zhiping/forms';
import { listSamples, loadBuiltins, loadSample } from '@zhiping/forms/node';

const lib = loadBuiltins();
for (const f of listSamples()) {
  const s = loadSample(f);
  const d = lib.get(s.definition);
  const r = score(d, s.answers, { asOf: s.asOf });
  console.log(
    f,
    r.items.length,
    r.items.filter((i) => i.visible).length,
    r.total.score,
    JSON.stringify(r.verdict),
    r.gaps.length,
    r.next?.label,
    r.next?.items.length,
    r.gates
      .filter((g) => g.outcome !== 'passed')
      .map((g) => g.id + ':' + g.outcome)
      .join(','),
  );
}
