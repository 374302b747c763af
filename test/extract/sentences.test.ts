/**
 * What one sentence (or a short passage) of real coverage becomes: metric key, subject key, period
 * and value of the claim on a given figure. Sentences are from the seeds and from real reports of
 * other stories (the Clintons' tax returns, a Sonoma County quake, the yellow-vest protests, a
 * console review, Ascom press releases).
 */
import { describe, expect, it } from 'vitest';
import { MAX_FIGURES, extractClaims } from '../../src/extract/index.js';
import { readText } from '../../src/ingest/text.js';
import { slug } from '../../src/extract/entities.js';
import { aliasTable, parseAliases } from '../../src/link/entities.js';
import type { Claim } from '../../src/store/schema.js';

function claimsOf(text: string, published: string | null = null): Claim[] {
  const read = readText('t.txt', text);
  return extractClaims(read, { articleId: 't', published });
}

interface Row {
  text: string;
  published?: string;
  /** The figure as written, to pick the claim. */
  figure: string;
  /** Which of several claims on that figure (a derived price is the second). */
  nth?: number;
  metricKey?: string | null;
  subjectKey?: string | null;
  period?: [string, string] | null;
  value?: number;
  unit?: string | null;
  kind?: Claim['kind'];
  /** The metric key must not match. */
  notMetric?: RegExp;
  /** The figure is (true) or is not (false) the value a movement started from. */
  earlier?: boolean;
}

const rows: Row[] = [
  // A rate written out is a price of the counted unit, about the name before it.
  { text: 'DeepSeek V3.2 at $1.10 per million output tokens is not a loss leader.', figure: '$1.10', metricKey: 'price:token', subjectKey: 'deepseek-v3.2', value: 1.1 },
  // A payment for a quantity gives a price per unit (second claim) and the cost of that quantity.
  { text: 'A chatbot processing 100 million output tokens per month pays roughly $42 on DeepSeek V3.2 versus roughly $1,000 on GPT-5.4.', figure: 'roughly $42', nth: 1, metricKey: 'price:token', subjectKey: 'deepseek-v3.2', value: 0.42 },
  // Who charges it, when no name is written.
  { text: 'Chinese AI models charge $2–3 per million output tokens.', figure: '$2–3', metricKey: 'price:token', subjectKey: 'chinese-ai-models' },
  // Money over time is revenue, not a price.
  { text: 'This volume of activity could represent a market for AI services worth between $2.1 billion and $21.1 billion annually.', figure: '$2.1 billion and $21.1 billion', kind: 'figure', notMetric: /^price/ },
  // Money named by nothing but the deal is keyed by its verb; told of in 2017, it was paid by then.
  { text: "The congressman's lawyers said in 2017 that Hunter and his wife repaid the campaign about $60,000.", figure: 'about $60,000', metricKey: 'money:repay', period: ['2017-01-01', '2017-12-31'], value: 60000 },
  { text: 'He repaid his campaign more than $60,000 earlier this year.', published: '2018-08-21', figure: 'more than $60,000', metricKey: 'money:repay', period: ['2018-01-01', '2018-08-21'] },
  // Who raised it is not what was raised: the phrase before the deal's verb is the subject, when it
  // names someone; "the charity" (every article's charity) is no subject, "Oxfam" is.
  { text: 'The charity has now raised $2.4 million.', figure: '$2.4 million', metricKey: 'money:raise', subjectKey: null },
  { text: 'Oxfam has now raised $2.4 million.', figure: '$2.4 million', metricKey: 'money:raise', subjectKey: 'oxfam' },
  { text: 'In fiscal 1988, the company earned $17.3 million, or $1.92 a share, on revenue of $352.9 million.', published: '1989-11-02', figure: '$17.3 million', metricKey: 'income', subjectKey: null },
  { text: 'The couple paid $43,885,310 in federal taxes.', figure: '$43,885,310', metricKey: 'tax:federal' },
  // A place after "in" says where the figure holds, not what it is a share of; an initial's stop
  // does not cut the name that earned it.
  { text: 'Sales rose 12% in St. Louis last year.', figure: '12%', metricKey: 'revenue~change' },
  { text: 'Voter turnout reached 64% in Ohio.', figure: '64%', metricKey: 'turnout:voter' },
  { text: 'J.P. Morgan Chase earned $13.4 billion in the quarter.', figure: '$13.4 billion', metricKey: 'income', subjectKey: 'j.p.-morgan-chase' },
  // "New" is a modifier in a metric phrase ("new orders"), but a word of the name after "in" or "on".
  { text: 'Unemployment in New Jersey reached 5.2% in March.', figure: '5.2%', metricKey: 'unemployment', subjectKey: 'new-jersey' },
  { text: 'Volume on the New York Stock Exchange totaled 175.2 million shares.', figure: '175.2 million', metricKey: 'usage', subjectKey: 'new-york-stock-exchange' },
  // The figure a movement reached is the measure that moved; the one it moved from only with a
  // time of its own; the noun before "of" names the money; a market index is no price.
  { text: 'Profit rose 10% to $313.2 million in the quarter.', published: '1989-11-01', figure: '$313.2 million', metricKey: 'profit' },
  // "…, or $1.92 a share" restates results per share (earnings per share), not the price of a share.
  { text: 'Acme earned $17.3 million, or $1.92 a share, in the third quarter, up from $15 million, or $1.70 a share.', published: '1989-11-02', figure: '$1.92', metricKey: 'income/share', subjectKey: 'acme', period: ['1989-07-01', '1989-09-30'] },
  { text: 'Acme earned $17.3 million, or $1.92 a share, in the third quarter, up from $15 million, or $1.70 a share.', published: '1989-11-02', figure: '$1.70', kind: 'figure', earlier: true },
  { text: 'Acme reported a net loss of $2.3 million, or 68 cents a share.', figure: '68 cents', metricKey: 'profit/share' },
  { text: 'The offer values the company at $1.2 billion, or $35 a share.', figure: '$35', metricKey: 'price:share' },
  // Who gave the measure: the name before a verb of results ("reported", "posted") or of paying; the
  // name that ends a longer phrase when a clause of its own opens before it; a surname the article
  // gave before, even where a sentence starts. An article opens the noun phrase of the measure.
  { text: 'On Monday, Tesla reported a profit of $2 billion.', published: '2024-01-03', figure: '$2 billion', metricKey: 'profit', subjectKey: 'tesla' },
  { text: 'Shares rose after Provigo Inc. posted net income of C$6.5 million.', figure: 'C$6.5 million', metricKey: 'profit', subjectKey: 'provigo-inc' },
  { text: 'The board declared a quarterly dividend of 50 cents a share.', figure: '50 cents', metricKey: 'dividend:quarterly', subjectKey: null },
  { text: 'Her campaign released a statement, along with eight years of tax returns showing the Clintons paid tens of millions of dollars in federal taxes.', figure: 'tens of millions of dollars', metricKey: 'tax:federal', subjectKey: 'clintons' },
  { text: 'Jeb Bush released his returns on Friday. Bush paid an effective tax rate of roughly 36 percent over those three decades.', published: '2015-07-31', figure: 'roughly 36 percent', metricKey: 'rate:effective', subjectKey: 'bush' },
  { text: 'For 1988, BellSouth earned $1.7 billion, or $3.51 a share, on revenue of $13.6 billion.', published: '1989-10-30', figure: '$13.6 billion', metricKey: 'revenue', subjectKey: 'bellsouth', period: ['1988-01-01', '1988-12-31'] },
  // What a share is of ends at the clause's verb; a rate right after the figure is the measure itself.
  { text: 'Seventy-eight percent of Americans live paycheck to paycheck.', figure: 'Seventy-eight percent', metricKey: 'share:american' },
  { text: 'More than 40 percent of households have some credit card debt.', figure: 'More than 40 percent', metricKey: 'share:household' },
  { text: 'The 8 percent unemployment rate for black workers rose.', figure: '8 percent', metricKey: 'rate:unemployment' },
  // A colon links a figure to what it measures; a year qualifying the measure is its time; "to" a
  // name is where to; a movement verb in -ing links like the others.
  { text: "He contrasted that with what he said was the Clintons' 2014 tax rate: 30 percent.", figure: '30 percent', metricKey: 'rate', subjectKey: 'clintons', period: ['2014-01-01', '2014-12-31'] },
  { text: 'With exports to China in the first half of 2019 sinking to $1.3 billion, farmers struggled.', published: '2019-09-01', figure: '$1.3 billion', metricKey: 'export', period: ['2019-01-01', '2019-06-30'] },
  { text: 'The new ones show that from 2007 through 2014 the couple paid $43,885,310 in federal taxes.', figure: '$43,885,310', metricKey: 'tax:federal', subjectKey: null },
  { text: 'Over half (55%) of respondents said AI helped.', figure: '55%', metricKey: 'share:respondent' },
  // "cut X by $Y" is how much X moved, not X.
  { text: 'That would reduce federal revenue by an additional $631 billion over 10 years.', figure: '$631 billion', metricKey: 'revenue:federal~change' },
  { text: 'The plan would cut spending by $1 trillion.', figure: '$1 trillion', metricKey: 'spending~change' },
  // What follows "in" is where, not what is measured, unless a movement is in it.
  { text: 'Student loan obligations in this country total $1.5 trillion.', figure: '$1.5 trillion', metricKey: 'obligation:loan-student' },
  { text: 'Paribas said Monday that it intends to boost its stake in Navigation Mixte to 66.7%, from the 18.7% it already owns.', published: '1989-10-30', figure: '66.7%', metricKey: 'stake', subjectKey: 'navigation-mixte' },
  { text: 'Paribas said Monday that it intends to boost its stake in Navigation Mixte to 66.7%, from the 18.7% it already owns.', published: '1989-10-30', figure: '18.7%', metricKey: 'stake', earlier: true },
  // The time closing a comparison is the time of the figure compared with, not of the figure before it.
  { text: 'Net income for the nine months was $254 million, or $2.10 a share, compared with $198 million, or $1.64 a share, a year earlier.', published: '1989-11-02', figure: '$254 million', metricKey: 'profit', period: null },
  { text: 'Net income for the nine months was $254 million, or $2.10 a share, compared with $198 million, or $1.64 a share, a year earlier.', published: '1989-11-02', figure: '$1.64', period: ['1988-01-01', '1988-12-31'] },
  // The change's time written before "to" is the time of the figure reached.
  { text: 'Average hourly wages rose 0.2% in April to $26.84.', published: '2024-05-03', figure: '$26.84', metricKey: 'salary/hour', period: ['2024-04-01', '2024-04-30'] },
  { text: 'Sales rose 5% last year to $4.2 billion.', published: '2024-05-03', figure: '$4.2 billion', metricKey: 'revenue', period: ['2023-01-01', '2023-12-31'] },
  { text: 'Revenue gained 13% to $77.3 million from $68.5 million.', figure: '$77.3 million', metricKey: 'revenue' },
  { text: 'Revenue gained 13% to $77.3 million from $68.5 million.', figure: '$68.5 million', metricKey: null },
  { text: 'Sales rose to $5 billion in 2023 from $4.2 billion in 2022.', figure: '$4.2 billion', metricKey: 'revenue', period: ['2022-01-01', '2022-12-31'] },
  { text: 'Last week Control Data reported third-quarter earnings of $9.8 million on revenue of $763 million.', figure: '$9.8 million', metricKey: 'income' },
  { text: 'Last week Control Data reported third-quarter earnings of $9.8 million on revenue of $763 million.', figure: '$763 million', metricKey: 'revenue' },
  { text: 'The Tokyo stock price index of first section issues was down 15.82 at 2681.76.', figure: '15.82', metricKey: 'index:price-stock-tokyo' },
  { text: 'Shell eased 1 to 416 on turnover of 4.8 million shares.', figure: '4.8 million', metricKey: 'usage' },
  // "net" alone is net income; a year opening the clause is its time, not a figure of the phrase.
  { text: 'In the nine months, GM Hughes net fell 6.6% to $486.6 million.', figure: '$486.6 million', metricKey: 'profit' },
  { text: 'In 2023 Tesla deliveries reached 1.8 million.', figure: '1.8 million', metricKey: 'delivery:tesla' },
  // A figure in a dated statement that is no payment does not take the statement's date.
  { text: 'Liu Liehong said on March 23 that usage exceeded 140 trillion tokens.', published: '2026-03-24', figure: '140 trillion', period: null },
  // A ratio between two things is not a change over time.
  { text: 'This 10–20x cost advantage does not reflect inferior quality.', figure: '10–20x', kind: 'figure', metricKey: 'ratio:cost-advantage' },
  // Durations beside another figure are not claims; alone, they are.
  { text: 'This explosive growth in Token usage - over 1,000 times in just two years - vividly demonstrates the demand.', figure: 'two years', metricKey: undefined, kind: undefined },
  // A time glued to a figure in parentheses belongs to it.
  { text: 'The growth trajectory from early 2024 (100 billion per day) to early 2026 (140 trillion per day) is steep.', figure: '100 billion', period: ['2024-01-01', '2024-04-30'] },
  { text: 'The growth trajectory from early 2024 (100 billion per day) to early 2026 (140 trillion per day) is steep.', figure: '140 trillion', period: ['2026-01-01', '2026-04-30'] },
  // "from 2007 to 2014" is one stretch, shared by the sentence's figures; couples key by surname.
  { text: 'Hillary and Bill Clinton earned roughly $141 million and paid nearly $44 million in federal income taxes from 2007 to 2014.', published: '2015-07-31', figure: 'roughly $141 million', metricKey: 'income', subjectKey: 'clinton', period: ['2007-01-01', '2014-12-31'] },
  { text: 'She and former President Bill Clinton earned $139 million in adjusted gross income from 2007 to 2014.', published: '2015-07-31', figure: '$139 million', subjectKey: 'clinton', period: ['2007-01-01', '2014-12-31'] },
  { text: 'According to the returns, the Clintons earned $140,937,785 over the eight year span.', published: '2015-07-31', figure: '$140,937,785', metricKey: 'income', subjectKey: 'clinton' },
  // Distances from a named place, whatever the direction.
  { text: 'The temblor struck about 26 miles north of Santa Rosa in the Geysers area.', figure: 'about 26 miles', metricKey: 'distance:santa-rosa', value: 26 },
  { text: 'The quake was six miles west of Cobb and seven miles from Anderson Springs.', figure: 'seven miles', metricKey: 'distance:anderson-springs' },
  // Bare counts are told apart by their verb.
  { text: 'Police detained 130 people in Paris and in protests in other parts of the country.', figure: '130', metricKey: 'arrests' },
  // A casualty is keyed by the measure its verb or noun names, however the count is worded; small counts are kept.
  { text: 'A bus crash on Interstate 25 in Denver killed 12 people on Tuesday, police said.', figure: '12', metricKey: 'deaths', unit: 'people', value: 12 },
  { text: 'Two people were killed and four were injured when the roof collapsed.', figure: 'Two', metricKey: 'deaths', unit: 'people' },
  { text: 'Two people were killed and four were injured when the roof collapsed.', figure: 'four', metricKey: 'injured', unit: 'people', value: 4 },
  { text: 'Earthquake kills 12 in central Italy', figure: '12', metricKey: 'deaths', unit: 'people' },
  { text: 'The shooting claimed five lives, the sheriff said.', figure: 'five', metricKey: 'deaths' },
  { text: 'A gunman opened fire in the newsroom on Thursday, killing five people and wounding two others, police said.', figure: 'five', metricKey: 'deaths', unit: 'people' },
  { text: 'A gunman opened fire in the newsroom on Thursday, killing five people and wounding two others, police said.', figure: 'two', metricKey: 'injured', unit: 'people' },
  // The place right after a toll is whose toll it is; "Texas" is no family (only "the Clintons" is).
  { text: 'Storms killed 12 people in Texas and three in Oklahoma on Tuesday, officials said.', published: '2025-06-11', figure: '12', metricKey: 'deaths', subjectKey: 'texas' },
  { text: 'The storms killed 15 people across Texas and Oklahoma on Tuesday.', published: '2025-06-11', figure: '15', metricKey: 'deaths', subjectKey: 'texas-and-oklahoma' },
  { text: 'If you live at an altitude of more than 1000 feet, you will need to adjust your boiling time.', figure: 'more than 1000 feet', kind: 'figure', notMetric: /^deaths$/ },
  // The toll of another occasion, told for comparison, is not read as the story's.
  { text: 'A similar attack on a bus station killed 12 people and injured 40.', figure: '12' },
  { text: 'Over the past week the virus has killed 12 people in the province.', figure: '12', metricKey: 'deaths' },
  // An age is as of the article, whatever time the sentence gives something else.
  { text: 'The suspect, Jarrod Ramos, 39, had filed a defamation lawsuit against the newspaper in 2011.', published: '2018-06-29', figure: '39', metricKey: 'age', subjectKey: 'jarrod-ramos', period: null },
  { text: 'There were 12 deaths in the county last week.', figure: '12', metricKey: 'deaths' },
  { text: 'Twelve people are dead and dozens injured.', figure: 'Twelve', metricKey: 'deaths', unit: 'people' },
  { text: 'The blast left 12 dead and 40 wounded.', figure: '40', metricKey: 'injured', unit: 'people' },
  { text: 'Three people remain missing after the landslide.', figure: 'Three', metricKey: 'missing', unit: 'people' },
  { text: 'Officials counted 3 fatalities and 40 injuries.', figure: '40', metricKey: 'injured' },
  { text: 'Three people familiar with the matter said the deal was near.', figure: 'Three' },
  { text: 'He has visited 12 countries since January.', figure: '12' },
  // The year a company was founded dates the founding, not the figure beside it.
  { text: 'LinkedIn, founded in 2003, has more than 433 million members.', published: '2016-06-13', figure: 'more than 433 million', period: null },
  // A speed is one measure whatever the clause around it; a wind's is another.
  { text: 'The bus was carrying 48 passengers when it left the road at about 70 miles per hour.', figure: 'about 70 miles per hour', metricKey: 'speed' },
  { text: 'The car was travelling at 90 mph when it crashed.', figure: '90 mph', metricKey: 'speed' },
  { text: 'The storm packed winds of 120 miles per hour.', figure: '120 miles per hour', metricKey: 'speed:wind' },
  { text: 'Winds of up to 150 km/h battered the coast.', figure: 'up to 150 km/h', metricKey: 'speed:wind' },
  { text: 'The storm brought sustained winds of 120 mph and gusts of 150 mph.', figure: '150 mph', metricKey: 'speed:gust' },
  { text: 'He was driving 90 mph in a 65 mph zone.', figure: '65 mph', metricKey: 'speed:limit' },
  { text: 'He was driving 90 mph in a 65 mph zone.', figure: '90 mph', metricKey: 'speed' },
  { text: 'It’s enough to cut the 0-62 mph time to 5.7 seconds.', figure: '0-62 mph', kind: 'figure', notMetric: /^speed/ },
  // A deal named by its verb or by the noun after its sum is one measure; a day after "on" is a time.
  { text: 'Regulators fined Facebook $5 billion on Wednesday.', published: '2019-07-26', figure: '$5 billion', metricKey: 'money:fine' },
  { text: 'Facebook will pay a $5 billion fine, the FTC said.', figure: '$5 billion', metricKey: 'money:fine' },
  { text: 'The FTC imposed a record $5bn penalty on Facebook.', figure: '$5bn', metricKey: 'money:fine' },
  // A prison term, whoever wrote the verb's voice, about the person sentenced.
  { text: 'A judge sentenced John Smith to 10 years in prison on Friday.', figure: '10 years', metricKey: 'sentence', subjectKey: 'john-smith', value: 10, unit: 'year' },
  { text: 'John Smith was sentenced to 12 years in prison and fined $50,000.', figure: '12 years', metricKey: 'sentence', subjectKey: 'john-smith', value: 12 },
  { text: 'He faces a 10-year prison sentence.', figure: '10-year', metricKey: 'sentence' },
  // A storm's category is a figure; the one it moved to or from is not read.
  { text: 'Hurricane Harvey made landfall near Rockport on Friday night as a Category 4 storm with winds of 130 mph.', published: '2017-08-26', figure: '4', metricKey: 'category', value: 4 },
  { text: 'The storm has since weakened to a Category 1 hurricane.', figure: '1' },
  { text: 'That amount is convertible into shares of Meridian common stock at $2 a share during its one-year term.', figure: 'one-year' },
  // A tally's two sides, in place of the range or the two numbers the scanner reads.
  { text: 'The Senate approved the bill 67-33 on Thursday.', figure: '67', metricKey: 'tally:for', unit: 'vote', value: 67 },
  { text: 'The Senate approved the bill 67-33 on Thursday.', figure: '33', metricKey: 'tally:against', value: 33 },
  { text: 'The House passed the measure by a vote of 219 to 212.', figure: '212', metricKey: 'tally:against', value: 212 },
  { text: 'In a 5–4 decision, the court sided with the baker.', figure: '5', metricKey: 'tally:for' },
  { text: 'The Lakers won 102-98 on Sunday.', figure: '102' },
  { text: 'The council approved the 2024-25 budget of $3.2 billion.', figure: '25' },
  // A quake's magnitude, however written, is one measure with no unit; an aftershock's is another.
  { text: 'A magnitude 6.1 earthquake struck off the coast of Sumatra on Monday, the U.S. Geological Survey said.', figure: '6.1', metricKey: 'magnitude', unit: null, value: 6.1 },
  { text: 'A 5.9-magnitude earthquake struck off Sumatra on Monday.', figure: '5.9-magnitude', metricKey: 'magnitude', unit: null, value: 5.9 },
  { text: 'An earthquake measuring 4.6 rattled the Bay Area early Thursday.', figure: '4.6', metricKey: 'magnitude', unit: null, value: 4.6 },
  { text: 'Magnitude 6.1 earthquake strikes off Indonesia', figure: '6.1', metricKey: 'magnitude' },
  { text: 'The 4.6 quake was followed by a 3.4 aftershock.', figure: '3.4', metricKey: 'magnitude:aftershock' },
  { text: 'The 4.6 quake was followed by a 3.4 aftershock.', figure: '4.6', metricKey: 'magnitude' },
  // A person's age: set off by commas after a full name, after "aged" or "at the age of", or "N-year-old" before the name.
  { text: 'Actor Paul Walker, 40, died in a car crash on Saturday.', figure: '40', metricKey: 'age', subjectKey: 'paul-walker', unit: 'year', value: 40 },
  { text: 'The 40-year-old actor Paul Walker died in a car crash.', figure: '40-year-old', metricKey: 'age', subjectKey: 'paul-walker', value: 40 },
  { text: 'Paul Walker died at the age of 40 on Saturday.', figure: '40', metricKey: 'age', subjectKey: 'paul-walker' },
  { text: 'Former Vice President Joe Biden, 76, spoke in Iowa.', figure: '76', metricKey: 'age', subjectKey: 'joe-biden' },
  { text: 'The singer John Smith died aged 42 at his home in Leeds.', figure: '42', metricKey: 'age', subjectKey: 'john-smith' },
  // A name far from "aged" does not hold the age.
  { text: 'Schooling is free to New Zealand citizens and to all children aged 15 who live there.', figure: '15' },
  { text: 'Schooling is compulsory, with the majority attending from the age of 5.', figure: '5' },
  // No one named to hold the age: not read as one (a story's many ages must not meet).
  { text: 'The 40-year-old driver was arrested at the scene.', figure: '40-year-old', kind: 'figure', notMetric: /^age$/ },
  { text: 'Last Saturday nearly 300,000 people took part in the first yellow vest demonstrations countrywide.', figure: 'nearly 300,000', metricKey: 'people:take' },
  // The counted noun before a word for the figure: "the 140 trillion token number".
  { text: 'The 140 trillion daily token figure is an official Chinese government statistic.', figure: '140 trillion', unit: 'token' },
  // A product named right after its price.
  { text: 'Everyone else might be better off waiting, or opting for the $279 Xbox One S.', figure: '$279', metricKey: 'price', subjectKey: 'xbox' },
  // The time compared with belongs to no figure.
  { text: 'Analysts at City Herald noted that 17 districts reported higher figures than a year earlier, while 7 saw declines.', published: '2022-09-08', figure: '17', period: null },
  // Words of scope keep two measures apart.
  { text: 'The documents show the Clintons have paid $43 million in federal taxes since 2007.', figure: '$43 million', metricKey: 'tax:federal' },
  { text: 'They paid an additional $13.6 million in state taxes.', figure: '$13.6 million', metricKey: 'tax:state' },
  // A hyphenated count measures the noun it qualifies.
  { text: 'Hunter was charged in a 48-page indictment.', figure: '48-page', metricKey: 'page:indictment' },
  // A phrase holding another figure names no metric; "in the first three months" is a time, not what a share is of.
  { text: 'Wages rose 0.2% in April to $26.84 an hour.', published: '2018-05-04', figure: '$26.84', kind: 'figure', notMetric: /\d|april/ },
  { text: 'Economic growth slowed to 2.3% in the first three months of the year.', published: '2018-05-04', figure: '2.3%', metricKey: 'growth:economic' },
  // A percentage before or after a rate noun is that rate, not a share of it; a figure after "on" is another figure.
  { text: 'President Trump on Friday announced tariffs of 25 percent on $50 billion worth of Chinese goods.', published: '2018-06-15', figure: '25 percent', metricKey: 'tariff' },
  { text: 'President Trump on Friday imposed a 25 percent tariff on $34 billion of Chinese imports.', published: '2018-06-15', figure: '25 percent', metricKey: 'tariff' },
  { text: 'Microsoft will pay $196 per share, a premium of 50 percent.', figure: '50 percent', metricKey: 'premium' },
  { text: 'The US software giant will pay $196 a share, a 49.5% premium.', figure: '49.5%', metricKey: 'premium' },
  // "for its fiscal second quarter" is a time, not what the money is for.
  { text: 'Apple Inc reported revenue of $61.1 billion for its fiscal second quarter.', published: '2018-05-01', figure: '$61.1 billion', metricKey: 'revenue' },
  // Shares are not "of" a time.
  { text: 'China’s Daily Token Usage Jumps 40% in Three Months', figure: '40%', kind: 'change', notMetric: /month/ },
  // The value a movement started from, at no time of its own, is an earlier value; a point of a
  // series with its own time, the origin "from" and a figure of another unit are not.
  { text: "Ratners raised its price for Weisfield's to $57.50 a share, or $62.1 million, from $50 a share, or $55 million.", figure: '$50', kind: 'figure', metricKey: 'price:share', earlier: true },
  { text: "Ratners raised its price for Weisfield's to $57.50 a share, or $62.1 million, from $50 a share, or $55 million.", figure: '$57.50', kind: 'figure', earlier: false },
  { text: 'Quarterly sales were $4.1 billion, compared with $3.8 billion.', figure: '$3.8 billion', kind: 'figure', earlier: true },
  { text: 'The chain would increase the number of its U.S. stores to about 450 stores from 360.', figure: '360', kind: 'figure', earlier: true },
  { text: 'Daily token usage grew from 100 billion in early 2024 to 1 trillion in early 2025.', published: '2025-06-01', figure: '100 billion', kind: 'figure', earlier: false },
  { text: 'Athletes from 200 countries bought 10,000 tickets.', figure: '200', kind: 'figure', earlier: false },
];

describe('claims read from single sentences', () => {
  for (const row of rows) {
    it(`${row.figure} in "${row.text.slice(0, 70)}…"`, () => {
      const on = claimsOf(row.text, row.published ?? null).filter((c) => c.figure?.text === row.figure);
      if (row.kind === undefined && row.metricKey === undefined && row.period === undefined && row.unit === undefined && row.subjectKey === undefined) {
        expect(on).toEqual([]);
        return;
      }
      const c = on[row.nth ?? 0];
      expect(c, `a claim on ${row.figure}`).toBeDefined();
      if (row.kind !== undefined) expect(c.kind).toBe(row.kind);
      if (row.metricKey !== undefined) expect(c.metricKey).toBe(row.metricKey);
      if (row.subjectKey !== undefined) expect(c.subjectKey).toBe(row.subjectKey);
      if (row.period !== undefined) expect(c.period && [c.period.start, c.period.end]).toEqual(row.period);
      if (row.value !== undefined) expect(c.value!.min).toBeCloseTo(row.value, 6);
      if (row.unit !== undefined) expect(c.value!.unit).toBe(row.unit);
      if (row.notMetric) expect(c.metricKey ?? '').not.toMatch(row.notMetric);
      if (row.earlier !== undefined) expect(c.earlier ?? false).toBe(row.earlier);
    });
  }

  it('an undated article: "said on March 23" places the day in the year it writes, and "this month" from that day', () => {
    const text = 'The official said on March 23 that usage has surpassed 140 trillion as of this month. In March 2026 the count passed 140 trillion.';
    const event = claimsOf(text).find((c) => c.kind === 'event');
    expect(event?.period?.start).toBe('2026-03-23');
    const figure = claimsOf(text).find((c) => c.figure?.text.includes('140 trillion'));
    expect(figure?.period).toMatchObject({ start: '2026-03-01', end: '2026-03-31' });
  });

  it('names in the alias file meet under one key: "National Data Bureau" is the National Data Administration', () => {
    const registry = parseAliases('- key: national-data-administration\n  display: National Data Administration\n  aliases: [National Data Bureau]\n  note: official English name\n', 'aliases.yaml');
    const read = readText('t.txt', 'Liu Liehong, head of the National Data Bureau, said usage exceeded 140 trillion tokens a day in March 2026.');
    const [c] = extractClaims(read, { articleId: 't', published: '2026-03-24', aliases: aliasTable(slug, registry) });
    expect(c.entities.find((e) => e.text.includes('Bureau'))?.canonical).toBe('national-data-administration');
  });

  it('"the National Hurricane Center" names no occasion; "the Napa earthquake early Sunday" does', () => {
    const keys = (text: string) => claimsOf(text, '2017-08-26').filter((c) => c.kind === 'event').map((c) => c.metricKey);
    expect(keys('Harvey came ashore on Friday as a Category 4 storm, the National Hurricane Center said.')).not.toContain('event:hurricane:national');
    expect(keys('The Napa earthquake early Sunday damaged 100 buildings.')).toContain('event:earthquake:napa');
  });

  it('a figure after an age does not take the age ("Jorge Hernandez, 49, … a ransom of $1 million")', () => {
    const text = 'Kidnap\n\nThe body of Jorge Hernandez, 49, was found on Friday. His kidnappers demanded a ransom of $1 million.\n';
    const on = claimsOf(text, '1998-01-10').filter((c) => c.figure?.text === '$1 million');
    expect(on).toHaveLength(1);
    expect(on[0].metricKey).not.toBe('age');
  });

  it('a surname stands for the full name the article gave before it: "Macron, 39,", "Le Pen, 48,"', () => {
    const text = 'Macron elected\n\nEmmanuel Macron has won the French presidential election with 66.06% of the vote against 33.94% for Marine Le Pen.\n\nLe Pen, 48, conceded defeat. Macron, 39, will be the youngest president.\n';
    const ages = claimsOf(text, '2017-05-08').filter((c) => c.metricKey === 'age').map((c) => [c.subjectKey, c.value!.min]);
    expect(ages).toEqual([['marine-le-pen', 48], ['emmanuel-macron', 39]]);
    // Two people of one surname: a surname alone names neither.
    const two = 'Obituary\n\nJohn Smith and Mary Smith ran the shop. Smith, 70, died on Monday.\n';
    expect(claimsOf(two, '2017-05-08').filter((c) => c.metricKey === 'age')).toEqual([]);
  });

  it('"an increase of over 1,000 times" is a multiplier', () => {
    const c = claimsOf('Liu highlighted that this figure represents a staggering increase of over 1,000 times compared to two years ago.').find((x) => x.figure?.text.includes('1,000'));
    expect(c?.value?.unit).toBe('x');
  });

  it(`a file with more than ${MAX_FIGURES} figures is read up to its ${MAX_FIGURES}th, and says so`, () => {
    const text = `Counts\n\n${Array.from({ length: MAX_FIGURES + 500 }, (_, i) => `Station ${i} logged ${1000 + i} riders.`).join(' ')}\n`;
    const read = readText('t.txt', text);
    const claims = extractClaims(read, { articleId: 't', published: '2026-03-24' });
    expect(claims.length).toBeGreaterThan(MAX_FIGURES / 2);
    expect(claims.length).toBeLessThanOrEqual(MAX_FIGURES);
    expect(read.notes.some((n) => n.includes('figures: claims read up to offset'))).toBe(true);
  });
});
