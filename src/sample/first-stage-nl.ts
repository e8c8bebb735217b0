/**
 * The Dutch of the sample's first stage: the support departments, the ledger's account descriptions and
 * the bases of the support rows, in the words of the glossary (docs/glossary.md).
 */

/** Support pools, account descriptions and support bases in Dutch. */
export const FIRST_STAGE_TERMS_NL: Readonly<Record<string, string>> = {
  // Support pools.
  IT: 'ICT',
  'HR & facilities': 'P&O en facilitair',
  Management: 'Directie',
  // Account descriptions.
  'Salaries inside sales': 'Salarissen binnendienst',
  'Salaries administration': 'Salarissen administratie',
  'Salaries warehouse': 'Salarissen magazijn',
  'Salaries drivers': 'Salarissen chauffeurs',
  'Salaries IT': 'Salarissen ICT',
  'Salaries HR & facilities': 'Salarissen P&O en facilitair',
  'Salaries management': 'Salarissen directie',
  'Social security charges': 'Sociale lasten',
  'Pension contributions': 'Pensioenpremies',
  'Temporary staff': 'Uitzendkrachten',
  Training: 'Opleidingen',
  Recruitment: 'Werving en selectie',
  'Occupational health service': 'Arbodienst',
  'Commuting allowances': 'Reiskostenvergoedingen',
  'Rent warehouse': 'Huur magazijn',
  'Rent offices': 'Huur kantoren',
  Energy: 'Energie',
  Cleaning: 'Schoonmaak',
  'Building maintenance': 'Onderhoud gebouwen',
  'Depreciation racking': 'Afschrijving stellingen',
  'Depreciation forklifts': 'Afschrijving heftrucks',
  'Depreciation trucks': 'Afschrijving vrachtwagens',
  'Depreciation IT hardware': 'Afschrijving ICT-apparatuur',
  Fuel: 'Brandstof',
  'Vehicle lease': 'Leasekosten voertuigen',
  'Road tax': 'Motorrijtuigenbelasting',
  'Truck maintenance and tyres': 'Onderhoud en banden vrachtwagens',
  'Management car': 'Auto directie',
  'Forklift maintenance': 'Onderhoud heftrucks',
  'Telephone and data': 'Telefoon en data',
  'IT licences': 'Softwarelicenties',
  'Hosting and cloud services': 'Hosting en clouddiensten',
  'Packaging materials': 'Verpakkingsmateriaal',
  'Office supplies and postage': 'Kantoorartikelen en porti',
  'Catalogues and marketing material': 'Catalogi en marketingmateriaal',
  'Insurance buildings and stock': 'Verzekering gebouwen en voorraad',
  'Insurance vehicles': 'Verzekering voertuigen',
  'Liability insurance': 'Aansprakelijkheidsverzekering',
  Consultancy: 'Advieskosten',
  'Audit fees': 'Accountantskosten',
  'Bank charges': 'Bankkosten',
  'Credit insurance and debt collection': 'Kredietverzekering en incasso',
  // Bases of the support rows.
  'PCs and workstations': "Pc's en werkplekken",
  'Head count': 'Aantal medewerkers',
  "Management's estimate of its time": 'Tijdsbesteding volgens de directie',
};
