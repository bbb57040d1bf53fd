import { describe, expect, it } from 'vitest';
import { decideHyphen, joinLines, Vocabulary } from '../../shared/agenda/parse/dehyphenate.js';
import { chapterHeadingTitle, endedEarly } from '../../shared/agenda/parse/lines.js';
import { runInLead } from '../../shared/agenda/parse/runin.js';

const none = new Vocabulary([]);

describe('hyphenation at a line end', () => {
  it('joins when the joined word appears elsewhere in the document', () => {
    expect(decideHyphen('voort', 'gang', new Vocabulary(['We sturen op voortgang.']))).toBe('join');
  });

  it('keeps the hyphen when the hyphenated form appears elsewhere in the document', () => {
    expect(decideHyphen('oud', 'minister', new Vocabulary(['De oud-minister sprak.']))).toBe('keep');
    expect(decideHyphen('defensie', 'industrie', new Vocabulary(['de defensie-industrie']))).toBe('keep');
  });

  it('keeps the hyphen before a capital or digit and after a capital or digit', () => {
    expect(decideHyphen('Noord', 'Holland', none)).toBe('keep');
    expect(decideHyphen('niet-DAEB', 'activiteiten', none)).toBe('keep');
    expect(decideHyphen('2030', '2040', none)).toBe('keep');
    expect(decideHyphen('CO2', 'heffing', none)).toBe('keep');
  });

  it('keeps the hyphen where Dutch requires it for a vowel clash', () => {
    expect(decideHyphen('energie', 'infrastructuur', none)).toBe('keep');
    expect(decideHyphen('zonne', 'energie', none)).toBe('keep');
    expect(decideHyphen('auto', 'ongelukken', none)).toBe('keep');
  });

  it('keeps the hyphen between two coordinated adjectives', () => {
    expect(decideHyphen('ruimtelijk', 'economische', none)).toBe('keep');
    expect(decideHyphen('klassiek', 'militaire', none)).toBe('keep');
  });

  it('treats a hyphen before "en" or "of" as a suspended hyphen', () => {
    expect(decideHyphen('kennis', 'en', none)).toBe('suspend');
    expect(joinLines(['de kennis-', 'en onderzoeksinstellingen'], none)).toBe(
      'de kennis- en onderzoeksinstellingen',
    );
  });

  it('joins by default', () => {
    expect(decideHyphen('hel', 'pen', none)).toBe('join');
    expect(joinLines(['De landelijke voort-', '', 'gang.'], none)).toBe('De landelijke voortgang.');
  });

  it('does not treat a dash after a space as hyphenation', () => {
    expect(joinLines(['Ondernemers -', 'van zzp’ers'], none)).toBe('Ondernemers - van zzp’ers');
  });
});

describe('run-in leads', () => {
  it('finds a short verbless first sentence followed by more text', () => {
    expect(runInLead('De belastingen hervormen. Door de veel aanpassingen …')).toEqual({
      lead: 'De belastingen hervormen.',
      rest: 'Door de veel aanpassingen …',
    });
    expect(runInLead('Hervormen van de arbeidsmarkt. Wij willen dat iedereen …')?.lead).toBe(
      'Hervormen van de arbeidsmarkt.',
    );
  });

  it('rejects an ordinary short opening sentence', () => {
    expect(runInLead('Nederland is een land van doeners. Van ondernemers …')).toBeNull();
    expect(runInLead('Meten is weten. Met een goed meetnetwerk …')).toBeNull();
    expect(runInLead('Wie vooruit wil, moet keuzes durven maken. Dat geldt …')).toBeNull();
    expect(runInLead('Dit alles vraagt om een lange adem. Daarom …')).toBeNull();
    expect(
      runInLead('Hervormingen vragen om een zorgvuldige voorbereiding en kosten daarom tijd. Omdat …'),
    ).toBeNull();
  });

  it('rejects a paragraph that is only the lead', () => {
    expect(runInLead('Ons voorstel is een aanpak.')).toBeNull();
    expect(runInLead('De belastingen hervormen.')).toBeNull();
  });
});

describe('lines', () => {
  it('recognises chapter headings in capitals, with or without a number', () => {
    expect(chapterHeadingTitle('LANDBOUW, NATUUR EN STIKSTOF')).toBe('LANDBOUW, NATUUR EN STIKSTOF');
    expect(chapterHeadingTitle('2. VERKEER EN VEILIGHEID')).toBe('VERKEER EN VEILIGHEID');
    expect(chapterHeadingTitle('BESTUUR EN FINANCIËN')).toBe('BESTUUR EN FINANCIËN');
    expect(chapterHeadingTitle('Wonen')).toBeNull();
    expect(chapterHeadingTitle('EU')).toBeNull();
    expect(chapterHeadingTitle('• NAVO EN EU')).toBeNull();
  });

  it('says a line ended early when the next word would have fitted well within the width', () => {
    expect(endedEarly('en natuurbeheer.', 'Te veel stikstofuitstoot', 95)).toBe(true);
    expect(
      endedEarly(
        'We versterken het nucleaire cluster in Nederland en versnellen het SMR-programma.',
        'Allereerst door',
        95,
      ),
    ).toBe(false);
  });
});
