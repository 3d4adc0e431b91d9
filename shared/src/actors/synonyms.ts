import type { ActorArea } from './areas.js'

/** One actor of the curated list: its canonical name, default area and the ways people write it. */
export interface KnownActor {
  /** Stable id, also the actor's id in the map. */
  id: string
  name: string
  area: ActorArea
  /** Other spellings, abbreviations and near synonyms (compared after `actorKey`). */
  aliases: readonly string[]
}

/**
 * German public-sector and civil-society actors as integration conferences name them. The first
 * spelling that matches wins; names are compared by `actorKey` (case, umlauts, gender endings,
 * articles and punctuation do not count).
 */
export const KNOWN_ACTORS: readonly KnownActor[] = [
  // Migration und Integration
  { id: 'bamf', name: 'BAMF', area: 'migration', aliases: ['Bundesamt für Migration und Flüchtlinge', 'Bamf', 'BAMF-Außenstelle', 'Bundesamt für Migration'] },
  { id: 'auslaenderbehoerde', name: 'Ausländerbehörde', area: 'migration', aliases: ['ABH', 'Ausländeramt', 'Ausländerbehörden', 'Zuwanderungsbehörde'] },
  { id: 'kommunales-integrationszentrum', name: 'Kommunales Integrationszentrum', area: 'migration', aliases: ['KI', 'KIZ', 'Integrationszentrum', 'Kommunale Integrationszentren', 'Integrationszentren'] },
  { id: 'jugendmigrationsdienste', name: 'Jugendmigrationsdienste', area: 'migration', aliases: ['JMD', 'Jugendmigrationsdienst'] },
  { id: 'migrationsberatung', name: 'Migrationsberatung', area: 'migration', aliases: ['MBE', 'Migrationsberatung für erwachsene Zuwanderer', 'Migrationsdienste', 'Flüchtlingssozialarbeit'] },
  { id: 'integrationsmanagement', name: 'Integrationsmanagement', area: 'migration', aliases: ['IntMan', 'Integrationsmanager', 'Integrationsmanagerinnen', 'IM'] },
  { id: 'integrationsbeauftragte', name: 'Integrationsbeauftragte', area: 'migration', aliases: ['Integrationsbeauftragter', 'Integrationsbeauftragte der Kommune'] },
  {
    id: 'migrantenorganisationen',
    name: 'Migrantenorganisationen',
    area: 'migration',
    aliases: ['MSO', 'MO', 'Migrantenselbstorganisationen', 'Migrantenorganisation', 'Migrant*innenorganisationen', 'Geflüchtete', 'Geflüchtete als Multiplikatoren', 'Flüchtlinge', 'Selbstorganisationen'],
  },
  { id: 'fluechtlingsrat', name: 'Flüchtlingsrat', area: 'migration', aliases: ['Flüchtlingsrat BW', 'Flüchtlingsrat Baden-Württemberg', 'Flüchtlingsräte'] },
  { id: 'integrationsausschuss', name: 'Integrationsausschuss', area: 'migration', aliases: ['Ausschuss für Integration'] },
  // An elected council of the migrants (NRW's "Integrationsrat"), not the council's committee.
  { id: 'integrationsrat', name: 'Integrationsrat', area: 'migration', aliases: ['Integrationsbeirat', 'Migrationsbeirat', 'Ausländerbeirat', 'Migrantenbeirat'] },
  { id: 'sprachmittler', name: 'Dolmetscher und Sprachmittler', area: 'migration', aliases: ['Dolmetscher', 'Sprachmittler', 'Vereidigte Dolmetscher', 'Dolmetscherpool', 'Kulturmittler', 'Dolmetscherdienst'] },
  // Arbeit und Wirtschaft
  {
    id: 'agentur-fuer-arbeit',
    name: 'Agentur für Arbeit',
    area: 'arbeit',
    aliases: ['Arbeitsagentur', 'Agentur f. Arbeit', 'Agentur f Arbeit', 'AfA', 'BA', 'Bundesagentur für Arbeit', 'Arbeitsamt', 'Berufsberatung', 'Berufsberatung der Agentur für Arbeit'],
  },
  { id: 'jobcenter', name: 'Jobcenter', area: 'arbeit', aliases: ['JC', 'Job-Center', 'Job Center', 'Jobcentern'] },
  { id: 'kammern', name: 'Kammern (IHK, HWK)', area: 'arbeit', aliases: ['IHK', 'Industrie- und Handelskammer', 'Handwerkskammer', 'HWK', 'Kammer'] },
  { id: 'unternehmen', name: 'Unternehmen und Arbeitgeber', area: 'arbeit', aliases: ['Unternehmen', 'Arbeitgeber', 'Betriebe', 'Firmen', 'Ausbildungsbetriebe', 'Arbeitgeberinnen und Arbeitgeber'] },
  { id: 'wirtschaftsverbaende', name: 'Wirtschaftsverbände', area: 'arbeit', aliases: ['Wirtschaftsverband', 'Unternehmensverbände', 'Arbeitgeberverbände'] },
  { id: 'wirtschaftsfoerderung', name: 'Wirtschaftsförderung', area: 'arbeit', aliases: ['Wirtschaftsfördergesellschaft'] },
  { id: 'welcome-center', name: 'Welcome Center', area: 'arbeit', aliases: ['Welcome Center Stuttgart', 'Welcome Centre'] },
  { id: 'gewerkschaften', name: 'Gewerkschaften', area: 'arbeit', aliases: ['DGB', 'Gewerkschaft'] },
  // Soziales
  {
    id: 'wohlfahrtsverbaende',
    name: 'Wohlfahrtsverbände',
    area: 'soziales',
    aliases: ['Wohlfahrtsverband', 'Freie Wohlfahrtspflege', 'Liga der freien Wohlfahrtspflege', 'Wohlfahrtspflege', 'Verbände der Wohlfahrtspflege'],
  },
  { id: 'freie-traeger', name: 'Freie und öffentliche Träger', area: 'soziales', aliases: ['freie + öffentliche Träger', 'freie Träger', 'Träger', 'freie und öffentliche Träger', 'soziale Träger', 'soz. Träger'] },
  { id: 'diakonie', name: 'Diakonie', area: 'soziales', aliases: ['Diakonisches Werk'] },
  { id: 'caritas', name: 'Caritas', area: 'soziales', aliases: ['Caritasverband'] },
  { id: 'awo', name: 'AWO', area: 'soziales', aliases: ['Arbeiterwohlfahrt'] },
  { id: 'drk', name: 'DRK', area: 'soziales', aliases: ['Deutsches Rotes Kreuz', 'Rotes Kreuz'] },
  { id: 'malteser', name: 'Malteser', area: 'soziales', aliases: ['Malteser Hilfsdienst'] },
  { id: 'paritaetischer', name: 'Paritätischer Wohlfahrtsverband', area: 'soziales', aliases: ['Paritätischer', 'Der Paritätische'] },
  { id: 'jugendamt', name: 'Jugendamt', area: 'soziales', aliases: ['Jugendämter', 'Amt für Jugend'] },
  { id: 'sozialamt', name: 'Sozialamt', area: 'soziales', aliases: ['Sozialämter', 'Amt für Soziales'] },
  { id: 'gesundheitsamt', name: 'Gesundheitsamt', area: 'soziales', aliases: ['Gesundheitsämter'] },
  { id: 'beratungsstellen', name: 'Beratungsstellen', area: 'soziales', aliases: ['Beratungsstelle', 'Fachleute aus Beratungsstellen', 'Fachberatungsstellen'] },
  { id: 'ehrenamt', name: 'Ehrenamt', area: 'soziales', aliases: ['Ehrenamtliche', 'Ehrenamtlichen', 'Ehrenamtler', 'Freiwillige', 'Helferkreise', 'Helferkreis', 'Ehrenamtliche Helfer', 'Bürgerschaftliches Engagement'] },
  {
    id: 'religionsgemeinschaften',
    name: 'Kirchen und Religionsgemeinschaften',
    area: 'soziales',
    aliases: ['Kirchen', 'Kirche', 'Kirchengemeinden', 'religiöse Gemeinschaften', 'Religionsgemeinschaften', 'Moscheegemeinden', 'Moscheen', 'Kirchliche (Jugend-)Gruppen', 'Kirchliche Gruppen'],
  },
  { id: 'vereine', name: 'Vereine', area: 'soziales', aliases: ['Sportvereine', 'Verein', 'Vereine und Gruppen'] },
  { id: 'frauen-maennerverbaende', name: 'Frauen- und Männerverbände', area: 'soziales', aliases: ['Frauen + Männerverbände', 'Frauenverbände', 'Männerverbände', 'Frauenverbände und Männerverbände'] },
  { id: 'therapiezentren', name: 'Therapiezentren', area: 'soziales', aliases: ['Traumazentren', 'Psychosoziale Zentren', 'PSZ', 'Therapiezentrum'] },
  // Bildung
  { id: 'schulen', name: 'Schulen', area: 'bildung', aliases: ['Schule', 'Grundschulen', 'Allgemeinbildende Schulen'] },
  { id: 'schulverwaltung', name: 'Schulverwaltung', area: 'bildung', aliases: ['Schulamt', 'Staatliches Schulamt', 'Schulaufsicht', 'Schulträger'] },
  { id: 'berufskollegs', name: 'Berufskollegs', area: 'bildung', aliases: ['Berufsschulen', 'Berufsschule', 'Berufskolleg', 'Berufliche Schulen'] },
  {
    id: 'kitas',
    name: 'Kitas',
    area: 'bildung',
    aliases: ['Kita', 'KiTa', 'KiTas', 'Kindergarten', 'Kindergärten', 'Kindertagesstätten', 'Kindertagesstätte', 'Kindertageseinrichtungen', 'Kindergärten /-tagesstätten', 'Kindergärten und Kindertagesstätten', 'Kindertagesbetreuung'],
  },
  { id: 'bildungstraeger', name: 'Bildungsträger', area: 'bildung', aliases: ['Bildungsträgern', 'Sprachkursträger', 'Integrationskursträger', 'Kursträger', 'Sprachschulen'] },
  { id: 'volkshochschule', name: 'Volkshochschule', area: 'bildung', aliases: ['VHS', 'Volkshochschulen'] },
  { id: 'hochschulen', name: 'Hochschulen', area: 'bildung', aliases: ['Universitäten', 'Universität', 'Hochschule', 'Uni'] },
  { id: 'ausbildungscampus', name: 'Ausbildungscampus', area: 'bildung', aliases: ['Ausbildungscampus Stuttgart'] },
  // Sonstige: Politik, Verwaltungsspitze, Öffentlichkeit
  { id: 'landratsamt', name: 'Landratsamt', area: 'sonstige', aliases: ['LRA', 'Landrat', 'Landrät', 'Landrätin', 'Landkreis', 'Kreisverwaltung'] },
  { id: 'regierungspraesidium', name: 'Regierungspräsidium', area: 'sonstige', aliases: ['RP', 'Bezirksregierung', 'Regierungspräsidien'] },
  { id: 'landesregierung', name: 'Landesregierung', area: 'sonstige', aliases: ['Sozialministerium', 'Ministerium für Soziales und Integration', 'Ministerium'] },
  { id: 'landtag', name: 'Landtag', area: 'sonstige', aliases: [] },
  { id: 'kreistag', name: 'Kreistag', area: 'sonstige', aliases: ['Kreistage', 'Kreisrat'] },
  { id: 'gemeinderat', name: 'Gemeinderat', area: 'sonstige', aliases: ['Gemeinderäte', 'Stadtrat', 'Stadträte', 'Rat der Stadt'] },
  { id: 'ortschaftsrat', name: 'Ortschaftsrat', area: 'sonstige', aliases: ['Ortschaftsräte', 'Bezirksbeirat'] },
  { id: 'buergermeister', name: 'Bürgermeister*innen', area: 'sonstige', aliases: ['Bürgermeisterin', 'Oberbürgermeister', 'OB', 'Bürgermeisteramt'] },
  { id: 'verwaltungsspitze', name: 'Verwaltungsspitze', area: 'sonstige', aliases: ['Verwaltungsvorstand', 'Stadtverwaltung', 'Verwaltung', 'Kommunen', 'Kommune'] },
  { id: 'staedtetag', name: 'Städtetag', area: 'sonstige', aliases: ['Deutscher Städtetag'] },
  { id: 'landkreistag', name: 'Landkreistag', area: 'sonstige', aliases: [] },
  { id: 'gemeindetag', name: 'Gemeindetag', area: 'sonstige', aliases: ['Städte- und Gemeindebund'] },
  { id: 'parteien', name: 'Parteien', area: 'sonstige', aliases: ['Partei', 'Fraktionen'] },
  { id: 'presse', name: 'Presse', area: 'sonstige', aliases: ['Medien', 'Lokalpresse', 'Zeitung'] },
  { id: 'polizei', name: 'Polizei', area: 'sonstige', aliases: [] },
  { id: 'rechtsanwaelte', name: 'Rechtsanwälte', area: 'sonstige', aliases: ['Anwälte', 'Anwält', 'Rechtsanwalt', 'Gute und engagierte Rechtsanwälte', 'Anwältinnen'] },
  { id: 'behoerden', name: 'Behörden', area: 'sonstige', aliases: ['Ämter', 'Behörde'] },
]
