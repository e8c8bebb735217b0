/**
 * The runner's --help, in English and in Dutch. Kept apart from the parser so the catalogue of the
 * runner's texts (cli-text.ts) can hold it without an import cycle.
 */

/** Where `--sample` writes the sample workbook, relative to the working folder. */
export const SAMPLE_WORKBOOK_PATH = 'out/sample-model.xlsx';

export const HELP_EN = `Activity-based customer profitability: the headless runner.

Usage:
  npm run cost -- <workbook.xlsx> [--out <report.xlsx>] [--json <result.json>] [--lang nl|en]
  npm run cost -- --sample [--out <report.xlsx>] [--json <result.json>] [--lang nl|en]
  npm run cost -- <workbook.xlsx> --volumes <lines.csv|lines.parquet> [--decimal , | .] [options]
  npm run cost -- <workbook.xlsx> --volumes-sql <volumes.sql> [--db <database.duckdb>] [options]
  npm run cost -- --template <new.xlsx> [--lang nl|en]
  npm run cost -- --help

Reads the named ranges of the workbook contract (ABC_Pools, ABC_Activities, ABC_Customers, ABC_Volumes,
and optionally ABC_CustomerCosts, ABC_Settings and ABC_Scenarios; see docs/workbook-contract.md), computes
the cost to serve and the P&L of every customer, and writes a copy of the workbook with the sheets
"ABC Customer P&L", "ABC Rates", "ABC Summary" and "ABC Actions" added, and "ABC Scenarios" when the
workbook has scenarios. The input workbook is never modified.

Options:
  --out <file>   the report workbook. Default: next to the input, named <input name>-report.xlsx
                 (for book.xlsx: book-report.xlsx). Report sheets of an earlier run are replaced;
                 a sheet of your own with one of those names stops the run.
  --svg <file>   also write the whale curve as an SVG picture (the task pane's picture of it).
  --svg-flow <file>
                 also write the cost flow as an SVG picture: ledger accounts, support pools, operating
                 pools, activities and customer segments, each column adding up to the ledger total.
                 Only a model with ABC_Resources or ABC_Support has one; otherwise nothing is written.
  --keep         keep this period's figures in the report workbook, in the hidden sheet "ABC History"
                 (table ABC_History), named by the Period setting; a period kept again is replaced.
                 Without a Period setting nothing is kept (HISTORY_NO_PERIOD); the report is written.
  --compare <file>
                 compare this period with an earlier one (or a budget): a model workbook, a report of
                 one, or an earlier --json result. Each customer's change in net profit is split into
                 revenue, discounts, COGS, activity volume and rate, unused capacity and direct costs,
                 adding up to the cent, in the sheet "ABC Comparison", the statements and the JSON.
  --compare-period <label>
                 compare with a period kept in this workbook's ABC_History (see --keep), e.g. 2025.
  --label-earlier <label>
                 the earlier period's name in the report, e.g. Budget (default: its Period setting).
  --svg-bridge <file>
                 also write the company's profit bridge (the waterfall) as an SVG picture.
  --json <file>  also write the result as JSON (money rounded to cents). Written even when the model
                 has errors, then holding only the list of problems.
  --lang nl|en   the language of the report sheets and of what is printed: nl (Dutch, sheets
                 "ABC Klantresultaat", "ABC Tarieven", "ABC Samenvatting") or en (English, the default).
                 The workbook's Language / Taal setting in ABC_Settings wins when present. The JSON
                 output stays English. Report sheets of an earlier run in the other language are replaced.
  --sample       build the embedded sample model into ${SAMPLE_WORKBOOK_PATH} and run on it.
  --template <file>
                 write an empty model to a new file (never over an existing one) and stop: every range
                 as an Excel table with its headers (Dutch with --lang nl), an instructions sheet, input
                 cells in yellow and drop-downs listing the pools, drivers, customers and setting values.
  --statement <customer>
                 also write the statement of a customer (its id, or its exact name): the sheet
                 "ABC Statement <customer>" with its P&L next to the average customer of its segment and
                 of the company, and where its cost to serve comes from. Repeatable.
  --statements all|extremes
                 a statement for every customer (at most 500: the most profitable), or for the most and
                 the least profitable customer.
  --volumes <file>
                 read the volumes from a transaction file instead of ABC_Volumes (which may then be
                 absent): CSV (any delimiter, decimal comma or point, UTF-8 with or without BOM) or
                 Parquet, any number of rows, with the columns Customer, Driver and Quantity (or Klant,
                 Kostendrijver, Aantal); other columns are ignored. Added up per customer and driver.
  --volumes-sql <file.sql> [--db <database>]
                 the same from the result of a query (columns Customer, Driver, Quantity), run by DuckDB
                 on the database file given with --db, opened read-only: one SELECT, which reads that
                 database and no file.
  --decimal , | .
                 the decimal mark of the volumes, when the file does not show it (1.234 could be either).
  --help         show this text.

Exit status: 0 success (warnings are printed), 1 the model has errors (all are printed; no report is
written), 2 usage error or a file that cannot be read or written.`;

/** The same in Dutch (`--lang nl --help`). */
export const HELP_NL = `Klantwinstgevendheid op basis van activiteiten: de runner zonder Excel.

Gebruik:
  npm run cost -- <werkmap.xlsx> [--out <rapport.xlsx>] [--json <resultaat.json>] [--lang nl|en]
  npm run cost -- --sample [--out <rapport.xlsx>] [--json <resultaat.json>] [--lang nl|en]
  npm run cost -- <werkmap.xlsx> --volumes <regels.csv|regels.parquet> [--decimal , | .] [opties]
  npm run cost -- <werkmap.xlsx> --volumes-sql <volumes.sql> [--db <database.duckdb>] [opties]
  npm run cost -- --template <nieuw.xlsx> [--lang nl|en]
  npm run cost -- --help

Leest de benoemde bereiken van het werkmapcontract (ABC_Pools, ABC_Activities, ABC_Customers, ABC_Volumes,
en naar keuze ABC_CustomerCosts, ABC_Settings en ABC_Scenarios; zie docs/workbook-contract.md), berekent de
bedieningskosten en de winst-en-verliesrekening van elke klant, en schrijft een kopie van de werkmap met de
bladen "ABC Klantresultaat", "ABC Tarieven", "ABC Samenvatting" en "ABC Acties" erbij, en "ABC Scenario's"
als de werkmap scenario's heeft. De invoerwerkmap wordt nooit gewijzigd.

Opties:
  --out <bestand>  de rapportwerkmap. Standaard: naast de invoer, met de naam <invoernaam>-report.xlsx
                   (voor boek.xlsx: boek-report.xlsx). Rapportbladen van een eerdere run worden vervangen;
                   een eigen blad met een van die namen stopt de run.
  --svg <bestand>  schrijf de walviscurve ook als SVG-afbeelding (de afbeelding van het taakvenster).
  --svg-flow <bestand>
                   schrijf de kostenstroom ook als SVG-afbeelding: grootboekrekeningen, ondersteunende
                   kostenpools, operationele kostenpools, activiteiten en klantsegmenten; elke kolom telt
                   op tot het totaal van het grootboek. Alleen een model met ABC_Resources of ABC_Support
                   heeft er een; anders wordt niets geschreven.
  --keep           bewaar de cijfers van deze periode in de rapportwerkmap, in het verborgen blad
                   "ABC Historie" (tabel ABC_History), genoemd naar de instelling Periode; een periode die
                   opnieuw wordt bewaard, wordt vervangen. Zonder instelling Periode wordt niets bewaard
                   (HISTORY_NO_PERIOD); het rapport wordt geschreven.
  --compare <bestand>
                   vergelijk deze periode met een eerdere (of een budget): een modelwerkmap, een rapport
                   daarvan of een eerder --json-resultaat. De verandering in de nettowinst van elke klant
                   wordt gesplitst in omzet, kortingen, kostprijs, volume en tarief van activiteiten,
                   onbenutte capaciteit en directe kosten, sluitend op de cent, in het blad
                   "ABC Vergelijking", de klantoverzichten en de JSON.
  --compare-period <naam>
                   vergelijk met een periode die in ABC_History van deze werkmap is bewaard (zie --keep),
                   bijv. 2025.
  --label-earlier <naam>
                   de naam van de eerdere periode in het rapport, bijv. Budget (standaard: de Periode).
  --svg-bridge <bestand>
                   schrijf de winstbrug van het bedrijf (de waterval) ook als SVG-afbeelding.
  --json <bestand> schrijf het resultaat ook als JSON (bedragen afgerond op centen). Ook geschreven als
                   het model fouten heeft; dan staat alleen de lijst met problemen erin.
  --lang nl|en     de taal van de rapportbladen en van wat wordt afgedrukt: nl (Nederlands, bladen
                   "ABC Klantresultaat", "ABC Tarieven", "ABC Samenvatting") of en (Engels, de standaard).
                   De instelling Taal / Language in ABC_Settings gaat voor als de werkmap die heeft. De
                   JSON blijft Engels. Rapportbladen van een eerdere run in de andere taal worden vervangen.
  --sample         bouw het ingebouwde voorbeeldmodel in ${SAMPLE_WORKBOOK_PATH} en reken daarmee.
  --template <bestand>
                   schrijf een leeg model naar een nieuw bestand (nooit over een bestaand) en stop: elk
                   bereik als Excel-tabel met de kopteksten (Nederlands met --lang nl), een blad met
                   instructies, invoercellen in geel en keuzelijsten met de kostenpools, kostendrijvers,
                   klanten en de waarden van de instellingen.
  --statement <klant>
                   schrijf ook het klantoverzicht van een klant (het nummer, of de exacte naam): het blad
                   "ABC Klantoverzicht <klant>" met de winst-en-verliesrekening naast de gemiddelde klant
                   van het segment en van het bedrijf, en waar de bedieningskosten vandaan komen. Herhaalbaar.
  --statements all|extremes
                   een klantoverzicht voor elke klant (hoogstens 500: de meest winstgevende), of voor de
                   meest en de minst winstgevende klant.
  --volumes <bestand>
                   lees de volumes uit een transactiebestand in plaats van ABC_Volumes (dat dan mag
                   ontbreken): CSV (elk scheidingsteken, decimale komma of punt, UTF-8 met of zonder BOM)
                   of Parquet, elk aantal rijen, met de kolommen Klant, Kostendrijver en Aantal (of
                   Customer, Driver, Quantity); andere kolommen worden genegeerd. Opgeteld per klant en
                   kostendrijver.
  --volumes-sql <bestand.sql> [--db <database>]
                   hetzelfde uit het resultaat van een query (kolommen Klant, Kostendrijver, Aantal),
                   uitgevoerd door DuckDB op het databasebestand van --db, alleen-lezen geopend: één
                   SELECT, die die database leest en geen bestand.
  --decimal , | .
                   het decimaalteken van de volumes, als het bestand het niet laat zien (1.234 kan
                   beide zijn).
  --help           toon deze tekst.

Afsluitstatus: 0 gelukt (waarschuwingen worden afgedrukt), 1 het model heeft fouten (alle worden
afgedrukt; er wordt geen rapport geschreven), 2 gebruiksfout of een bestand dat niet kan worden gelezen
of geschreven.`;
