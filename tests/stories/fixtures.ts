/**
 * Fictional articles for the grouping tests: one event told by several outlets,
 * and a running topic (the same country, minister and vocabulary) whose days
 * are different events.
 */
import type { GroupableArticle } from "@/lib/stories";

export const bridge = (n: number, publishedAt: string | null = "2026-03-03"): GroupableArticle => ({
  id: n,
  title: n % 2 ? "Dorrow closes harbour bridge after cracks found" : "Cracked beams shut Dorrow's harbour bridge",
  body: `The Dorrow city council closed the harbour bridge on Tuesday after engineers found cracks in two support beams. Mayor Anna Varga said repairs would cost 6 million euros. Ferries across the Lenn estuary will run every half hour. Report ${n}.`,
  publishedAt,
});

export const election = (n: number, publishedAt: string | null = "2026-03-05"): GroupableArticle => ({
  id: n,
  title: n % 2 ? "Kestria votes in snap election" : "Polls open in Kestria's early election",
  body: `Voters in Kestria went to the polls on Sunday in a snap parliamentary election called by Prime Minister Tomas Ilves after his coalition collapsed. Turnout reached 58 percent by noon, the electoral commission said. Report ${n}.`,
  publishedAt,
});

/**
 * Day one of a running topic: Varnel's health minister opens vaccination to
 * teachers. Three outlets, three wordings.
 */
export const teachers = (id: number, outlet: 0 | 1 | 2, publishedAt = "2026-05-11"): GroupableArticle => ({
  id,
  publishedAt,
  ...[
    {
      title: "Varnel opens Covid vaccination to teachers",
      body: "Varnel's health minister Petra Lind said on Monday that all teachers can book a Covid vaccine from next week, as schools prepare to reopen. The vaccination campaign has reached 2.1 million people so far, the health ministry said. Teachers' unions welcomed the move.",
    },
    {
      title: "Teachers first in line as Varnel widens vaccine rollout",
      body: "Teachers in Varnel will be able to get a Covid vaccine from next week, Health Minister Petra Lind announced Monday. Unions had demanded priority before schools reopen. The ministry says 2.1 million people have had a first dose.",
    },
    {
      title: "Lind: Varnel teachers can book Covid shots next week",
      body: "The health ministry in Varnel is opening Covid vaccine bookings to teachers next week, Minister Petra Lind said on Monday, ahead of the reopening of schools. Teachers' unions said the decision was overdue. About 2.1 million people have been vaccinated.",
    },
  ][outlet],
});

/**
 * Day two of the same topic, a different event: Varnel's parliament votes on
 * a vaccine certificate, with the same minister and much the same vocabulary.
 */
export const certificate = (id: number, outlet: 0 | 1 | 2, publishedAt = "2026-05-12"): GroupableArticle => ({
  id,
  publishedAt,
  ...[
    {
      title: "Varnel parliament approves Covid vaccine certificate",
      body: "Varnel's parliament voted 88 to 41 on Tuesday to approve a Covid vaccine certificate for restaurants and concerts, a plan pushed by health minister Petra Lind. Opposition deputies called the certificate discrimination against the unvaccinated. The certificate takes effect in June.",
    },
    {
      title: "Lawmakers back Lind's vaccine pass in Varnel",
      body: "Lawmakers in Varnel backed Health Minister Petra Lind's Covid vaccine certificate on Tuesday by 88 votes to 41. From June, restaurants and concert halls must check the certificate. Opposition deputies said it discriminates against people who are not vaccinated.",
    },
    {
      title: "Varnel votes in Covid certificate for restaurants and concerts",
      body: "A Covid vaccine certificate will be required in Varnel's restaurants and concert venues from June after parliament approved it 88-41 on Tuesday. Health minister Petra Lind said the certificate would keep venues open. Opposition deputies voted against it.",
    },
  ][outlet],
});
