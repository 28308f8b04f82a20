/** One requester and what they ask, drawn from the vocabulary with a seeded generator. */
import type { Channel, RequesterType } from '../../shared/domain';
import type { Rng } from './prng';
import * as V from './vocabulary';

export interface Requester {
  requesterName: string;
  postalAddress: string;
  email: string;
  phone: string;
}

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia',
};
/** The passport transliteration, enough for a believable mailbox name. */
const latin = (s: string) => [...s.toLowerCase()].map((c) => LATIN[c] ?? (/[a-z0-9]/.test(c) ? c : '')).join('');

const TOWN_SHARES: Record<string, number> = Object.fromEntries(V.TOWNS.map((t, i) => [String(i), t[2]]));

export function address(rng: Rng): string {
  const [town, postcode] = V.TOWNS[Number(rng.weighted(TOWN_SHARES))]!;
  const flat = rng.chance(0.45) ? `, кв. ${rng.int(1, 120)}` : '';
  return `${rng.pick(V.STREETS)}, ${rng.int(1, 140)}${flat}, ${town}, ${postcode}`;
}

const phone = (rng: Rng) => `+380 ${rng.pick(['67', '50', '97', '63', '66', '98', '73'])} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;

export function requester(rng: Rng, type: RequesterType, channel: Channel): Requester {
  let name: string;
  let mailbox: string;
  if (type === 'natural') {
    const [surnameM, surnameF] = rng.pick(V.SURNAMES);
    const father = rng.pick(V.MEN);
    if (rng.chance(0.5)) {
      const [first] = rng.pick(V.MEN);
      name = `${surnameM} ${first} ${father[1]}`;
      mailbox = `${latin(first)}.${latin(surnameM)}`;
    } else {
      const first = rng.pick(V.WOMEN);
      name = `${surnameF} ${first} ${father[2]}`;
      mailbox = `${latin(first)}.${latin(surnameF)}`;
    }
    mailbox += rng.int(1, 99);
  } else if (type === 'legal') {
    const company = rng.pick(V.COMPANY_NAMES);
    name = `${rng.pick(V.COMPANY_FORMS)} «${company}»`;
    mailbox = latin(company.replace(/«.*»/, '')) || 'office';
  } else {
    name = rng.pick(V.ASSOCIATIONS);
    mailbox = `go${rng.int(1, 999)}`;
  }
  const byEmail = channel === 'email' || rng.chance(0.3);
  return {
    requesterName: name,
    // An email request often gives no postal address; everyone else writes one.
    postalAddress: channel === 'email' && rng.chance(0.6) ? '' : address(rng),
    email: byEmail ? `${mailbox}@${rng.pick(['ukr.net', 'gmail.com', 'i.ua', 'meta.ua'])}` : '',
    phone: rng.chance(0.55) ? phone(rng) : '',
  };
}

/** What is asked, with dates and numbers that fit the year it is asked in. */
export function description(rng: Rng, year: number): string {
  const y = rng.int(Math.max(2016, year - 3), year);
  const date = `${String(rng.int(1, 28)).padStart(2, '0')}.${String(rng.int(1, 12)).padStart(2, '0')}.${y}`;
  return rng.pick(V.SUBJECTS).replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'date': return date;
      case 'n': return String(rng.int(1, 480));
      case 'topic': return rng.pick(V.TOPICS);
      case 'what': return rng.pick(V.WHATS);
      case 'year': return String(y);
      case 'company': return `${rng.pick(V.COMPANY_FORMS)} «${rng.pick(V.COMPANY_NAMES)}»`;
      case 'commission': return rng.pick(V.COMMISSIONS);
      case 'street': return rng.pick(V.STREETS);
      case 'house': return String(rng.int(1, 140));
      case 'tariff': return rng.pick(V.TARIFFS);
      default: return slot;
    }
  });
}

export { phone as phoneNumber };
