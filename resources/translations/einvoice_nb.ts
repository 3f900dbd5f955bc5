<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>JobState</name>
    <message>
        <source>Captured</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lest</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Må kontrolleres</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sendes</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Feilet</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Forkastet</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::Autostart</name>
    <message>
        <source>%1: cannot remove the file</source>
        <translation>%1: filen kan ikke fjernes</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kan ikke skrives: %2</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ConnectionTester</name>
    <message>
        <source>Name lookup (DNS)</source>
        <translation>Navneoppslag (DNS)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Sikker tilkobling (TLS)</translation>
    </message>
    <message>
        <source>Sign-in (token)</source>
        <translation>Pålogging (token)</translation>
    </message>
    <message>
        <source>Portal service (API)</source>
        <translation>Portaltjeneste (API)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web address (it should look like https://portal.example.com).</source>
        <translation>&apos;%1&apos; er ikke en nettadresse (den skal se ut som https://portal.example.com).</translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation>adressen kan ikke brukes</translation>
    </message>
    <message>
        <source>Not tried: %1.</source>
        <translation>Ikke prøvd: %1.</translation>
    </message>
    <message>
        <source>%1 cannot be found: %2. Check the address and the network.</source>
        <translation>%1 finnes ikke: %2. Kontroller adressen og nettverket.</translation>
    </message>
    <message>
        <source>the portal&apos;s name is unknown</source>
        <translation>portalens navn er ukjent</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 er %2.</translation>
    </message>
    <message>
        <source>No proxy: the portal is reached directly.</source>
        <translation>Ingen proxy: portalen nås direkte.</translation>
    </message>
    <message>
        <source>The proxy &apos;%1&apos; should look like http://proxy.example.com:3128.</source>
        <translation>Proxyen &apos;%1&apos; skal se ut som http://proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>the proxy setting is not usable</source>
        <translation>proxyinnstillingen kan ikke brukes</translation>
    </message>
    <message>
        <source>The proxy %1 does not answer: %2.</source>
        <translation>Proxyen %1 svarer ikke: %2.</translation>
    </message>
    <message>
        <source>the proxy cannot be reached</source>
        <translation>proxyen kan ikke nås</translation>
    </message>
    <message>
        <source>The proxy %1 answers.</source>
        <translation>Proxyen %1 svarer.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>ikke noe svar i tide</translation>
    </message>
    <message>
        <source>The address starts with http://, so invoices would travel unencrypted. Use https://.</source>
        <translation>Adressen starter med http://, så fakturaene ville bli sendt ukryptert. Bruk https://.</translation>
    </message>
    <message>
        <source>the connection would not be secure</source>
        <translation>tilkoblingen ville ikke være sikker</translation>
    </message>
    <message>
        <source>%1: no certificate in this file.</source>
        <translation>%1: filen inneholder ikke noe sertifikat.</translation>
    </message>
    <message>
        <source>the certificate file is not usable</source>
        <translation>sertifikatfilen kan ikke brukes</translation>
    </message>
    <message>
        <source>no secure connection</source>
        <translation>ingen sikker tilkobling</translation>
    </message>
    <message>
        <source>Encrypted; the portal&apos;s certificate for %1 is trusted.</source>
        <translation>Kryptert; portalens sertifikat for %1 er klarert.</translation>
    </message>
    <message>
        <source>The portal&apos;s certificate is not trusted: %1.</source>
        <translation>Portalens sertifikat er ikke klarert: %1.</translation>
    </message>
    <message>
        <source>No secure connection: %1.</source>
        <translation>Ingen sikker tilkobling: %1.</translation>
    </message>
    <message>
        <source>No secure connection: no answer in time.</source>
        <translation>Ingen sikker tilkobling: ikke noe svar i tide.</translation>
    </message>
    <message>
        <source>No token is entered.</source>
        <translation>Ingen token er oppgitt.</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>ingen token</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Pålogget som %1.</translation>
    </message>
    <message>
        <source>The portal refused the token (HTTP %1). Copy a new token from the portal.</source>
        <translation>Portalen avviste token (HTTP %1). Kopier en ny token fra portalen.</translation>
    </message>
    <message>
        <source>The portal answered HTTP %1 to the sign-in.</source>
        <translation>Portalen svarte HTTP %1 på påloggingen.</translation>
    </message>
    <message>
        <source>No answer to the sign-in: %1.</source>
        <translation>Ikke noe svar på påloggingen: %1.</translation>
    </message>
    <message>
        <source>The portal service (API v1) is working.</source>
        <translation>Portaltjenesten (API v1) fungerer.</translation>
    </message>
    <message>
        <source>This address does not answer like an eInvoice portal (HTTP %1).</source>
        <translation>Denne adressen svarer ikke som en e-fakturaportal (HTTP %1).</translation>
    </message>
    <message>
        <source>No answer from the portal service: %1.</source>
        <translation>Ikke noe svar fra portaltjenesten: %1.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::CorrectionService</name>
    <message>
        <source>Job %1 has no invoice to correct yet.</source>
        <translation>Dokument %1 har ennå ingen faktura å rette.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::EngineInvoiceResponder</name>
    <message>
        <source>The agent is not running, so invoices cannot be answered now.</source>
        <translation>Agenten kjører ikke, så fakturaer kan ikke besvares nå.</translation>
    </message>
    <message>
        <source>%1 did not arrive through this agent&apos;s portal connection, so it cannot be answered from here.</source>
        <translation>%1 kom ikke via denne agentens portaltilkobling, så den kan ikke besvares herfra.</translation>
    </message>
    <message>
        <source>The connection of profile %1 cannot be used: %2</source>
        <translation>Tilkoblingen for profilen %1 kan ikke brukes: %2</translation>
    </message>
    <message>
        <source>Profile %1 exchanges invoices through a folder, which carries no answers to the seller. Answer in your portal or tell the seller directly.</source>
        <translation>Profilen %1 utveksler fakturaer via en mappe, som ikke bærer svar til selgeren. Svar i portalen din eller si fra til selgeren direkte.</translation>
    </message>
    <message>
        <source>The %1 connection of profile %2 carries no answers to the seller. Answer in your portal or tell the seller directly.</source>
        <translation>%1-tilkoblingen for profilen %2 bærer ikke svar til selgeren. Svar i portalen din eller si fra til selgeren direkte.</translation>
    </message>
    <message>
        <source>Invoice %1 arrived for the sender profile &apos;%2&apos;, which is no longer set up.</source>
        <translation>Faktura %1 kom til avsenderprofilen &apos;%2&apos;, som ikke lenger er satt opp.</translation>
    </message>
    <message>
        <source>Cannot answer invoice %1 from %2: %3</source>
        <translation>Kan ikke besvare faktura %1 fra %2: %3</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::GeneralSettingsPage</name>
    <message>
        <source>Incoming invoices folder:</source>
        <translation>Mappe for innkommende fakturaer:</translation>
    </message>
    <message>
        <source>UBL (Peppol)</source>
        <translation>UBL (Peppol)</translation>
    </message>
    <message>
        <source>CII</source>
        <translation>CII</translation>
    </message>
    <message>
        <source>PDF copy</source>
        <translation>PDF-kopi</translation>
    </message>
    <message>
        <source>Download as:</source>
        <translation>Last ned som:</translation>
    </message>
    <message>
        <source>Start eInvoice Connector when I log in</source>
        <translation>Start eInvoice Connector når jeg logger på</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Choose UBL or CII for incoming invoices: a PDF copy alone cannot be read.</source>
        <translation>Velg UBL eller CII for innkommende fakturaer: en PDF-kopi alene kan ikke leses.</translation>
    </message>
    <message>
        <source>Choose the folder incoming invoices are saved to.</source>
        <translation>Velg mappen der innkommende fakturaer lagres.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingModel</name>
    <message>
        <source>Accepted</source>
        <translation>Godtatt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Kan ikke leses</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Selger</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Fakturanummer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Forfallsdato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bekreftet</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>Under behandling</translation>
    </message>
    <message>
        <source>Under query</source>
        <translation>Under avklaring</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingTab</name>
    <message>
        <source>Open e-invoice</source>
        <translation>Åpne e-faktura</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Åpne PDF</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Vis i mappe</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Godta</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Avvis…</translation>
    </message>
    <message>
        <source>Mark as paid</source>
        <translation>Merk som betalt</translation>
    </message>
    <message>
        <source>No incoming folder is set up (Settings).</source>
        <translation>Ingen mappe for innkommende er satt opp (Innstillinger).</translation>
    </message>
    <message>
        <source>Invoices downloaded from the portal into %1</source>
        <translation>Fakturaer lastet ned fra portalen til %1</translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation>%1: ingen program kan åpne den.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation>%1: mappen kan ikke åpnes.</translation>
    </message>
    <message>
        <source>Reject invoice</source>
        <translation>Avvis faktura</translation>
    </message>
    <message>
        <source>Answers to invoices cannot be sent from this computer; answer the seller in your portal.</source>
        <translation>Svar på fakturaer kan ikke sendes fra denne datamaskinen; svar selgeren i portalen din.</translation>
    </message>
    <message>
        <source>Waiting for the portal to take your answer.</source>
        <translation>Venter på at portalen tar imot svaret ditt.</translation>
    </message>
    <message>
        <source>You answered invoice %1: %2 (%3).</source>
        <translation>Du har svart på faktura %1: %2 (%3).</translation>
    </message>
    <message>
        <source>You answered invoice %1: %2.</source>
        <translation>Du har svart på faktura %1: %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begrunnelse: %1</translation>
    </message>
    <message>
        <source>You already answered invoice %1 from %2: %3. Send &quot;%4&quot; as well?</source>
        <translation>Du har allerede svart på faktura %1 fra %2: %3. Sende &quot;%4&quot; i tillegg?</translation>
    </message>
    <message>
        <source>Answer again</source>
        <translation>Svar igjen</translation>
    </message>
    <message>
        <source>Why do you reject invoice %1 from %2? The seller reads this.</source>
        <translation>Hvorfor avviser du faktura %1 fra %2? Selgeren leser dette.</translation>
    </message>
    <message>
        <source>Invoice %1 was not rejected: a rejection needs a reason.</source>
        <translation>Faktura %1 ble ikke avvist: en avvisning krever en begrunnelse.</translation>
    </message>
    <message>
        <source>Sending your answer about invoice %1 from %2…</source>
        <translation>Sender svaret ditt om faktura %1 fra %2…</translation>
    </message>
    <message>
        <source>Invoice %1 from %2: %3 was sent.</source>
        <translation>Faktura %1 fra %2: %3 er sendt.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::JobDetailPane</name>
    <message>
        <source>Fields read from the document</source>
        <translation>Felt lest fra dokumentet</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hva som skjedde</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Lagre rettelse</translation>
    </message>
    <message>
        <source>Approve and send</source>
        <translation>Godkjenn og send</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Forkast…</translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>Åpne original</translation>
    </message>
    <message>
        <source>Open e-invoice</source>
        <translation>Åpne e-faktura</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Vis i mappe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Felt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Value&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verdi&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Found&lt;/b&gt;</source>
        <translation>&lt;b&gt;Funnet&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a document in the list to see it here.</source>
        <translation>Velg et dokument i listen for å se det her.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3 — &lt;i&gt;%4&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 — %3 — &lt;i&gt;%4&lt;/i&gt;</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>ikke funnet</translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation>%1 % · %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Side %1</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>• &lt;b&gt;%1&lt;/b&gt; %2: %3</source>
        <translation>• &lt;b&gt;%1&lt;/b&gt; %2: %3</translation>
    </message>
    <message>
        <source>(must be fixed)</source>
        <translation>(må rettes)</translation>
    </message>
    <message>
        <source>(warning)</source>
        <translation>(advarsel)</translation>
    </message>
    <message>
        <source>• Last error: %1</source>
        <translation>• Siste feil: %1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Ingen problemer funnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs your attention&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Trenger din oppmerksomhet&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Rettelsen er lagret.</translation>
    </message>
    <message>
        <source>The layout was learned for the next invoice of this kind.</source>
        <translation>Oppsettet er lært til neste faktura av denne typen.</translation>
    </message>
    <message>
        <source>Not printed on the page, so not learned: %1.</source>
        <translation>Står ikke på siden og ble derfor ikke lært: %1.</translation>
    </message>
    <message>
        <source>Approved; it will be sent now.</source>
        <translation>Godkjent; den sendes nå.</translation>
    </message>
    <message>
        <source>It will be tried again now.</source>
        <translation>Det prøves igjen nå.</translation>
    </message>
    <message>
        <source>Discard document</source>
        <translation>Forkast dokument</translation>
    </message>
    <message>
        <source>Discard %1? It will not be sent.</source>
        <translation>Forkast %1? Den blir ikke sendt.</translation>
    </message>
    <message>
        <source>this document</source>
        <translation>dette dokumentet</translation>
    </message>
    <message>
        <source>Discarded in the queue window.</source>
        <translation>Forkastet i køvinduet.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Forkastet.</translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation>%1: ingen program kan åpne den.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation>%1: mappen kan ikke åpnes.</translation>
    </message>
    <message>
        <source>There is no e-invoice yet: it is made when the document passes the rules.</source>
        <translation>Det finnes ingen e-faktura ennå: den lages når dokumentet består reglene.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::JobDetails</name>
    <message>
        <source>Invoice number</source>
        <translation>Fakturanummer</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Fakturadato</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Forfallsdato</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Selger</translation>
    </message>
    <message>
        <source>Seller VAT number</source>
        <translation>Selgers MVA-nummer</translation>
    </message>
    <message>
        <source>Seller organisation number</source>
        <translation>Selgers organisasjonsnummer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Customer VAT number</source>
        <translation>Kundens MVA-nummer</translation>
    </message>
    <message>
        <source>Buyer reference</source>
        <translation>Kjøpers referanse</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>Ordrenummer</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Total without VAT</source>
        <translation>Sum ekskl. MVA</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MVA</translation>
    </message>
    <message>
        <source>Total with VAT</source>
        <translation>Sum inkl. MVA</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Å betale</translation>
    </message>
    <message>
        <source>embedded e-invoice</source>
        <translation>innebygd e-faktura</translation>
    </message>
    <message>
        <source>learned layout</source>
        <translation>lært oppsett</translation>
    </message>
    <message>
        <source>printed label</source>
        <translation>trykt etikett</translation>
    </message>
    <message>
        <source>calculated</source>
        <translation>beregnet</translation>
    </message>
    <message>
        <source>sender profile</source>
        <translation>avsenderprofil</translation>
    </message>
    <message>
        <source>your correction</source>
        <translation>din rettelse</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>ikke funnet</translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation>Det finnes ikke noe dokument %1.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::Language</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>%1: cannot write the configuration</source>
        <translation>%1: innstillingene kan ikke lagres</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::PdfPageView</name>
    <message>
        <source>%1: the PDF cannot be shown (damaged or password protected).</source>
        <translation>%1: PDF-filen kan ikke vises (skadet eller passordbeskyttet).</translation>
    </message>
    <message>
        <source>No page to show</source>
        <translation>Ingen side å vise</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::PortalSettingsPage</name>
    <message>
        <source>e-invoicing portal (HTTPS)</source>
        <translation>e-fakturaportal (HTTPS)</translation>
    </message>
    <message>
        <source>SFTP server</source>
        <translation>SFTP-server</translation>
    </message>
    <message>
        <source>Folder (another program sends)</source>
        <translation>Mappe (et annet program sender)</translation>
    </message>
    <message>
        <source>Send invoices through:</source>
        <translation>Send fakturaer via:</translation>
    </message>
    <message>
        <source>paste the token from the portal</source>
        <translation>lim inn token fra portalen</translation>
    </message>
    <message>
        <source>only if your IT department gave you one</source>
        <translation>bare hvis IT-avdelingen ga deg et</translation>
    </message>
    <message>
        <source>Portal address:</source>
        <translation>Portaladresse:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Tilgangstoken:</translation>
    </message>
    <message>
        <source>Extra certificate (PEM):</source>
        <translation>Ekstra sertifikat (PEM):</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Bruker:</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Nøkkelfil:</translation>
    </message>
    <message>
        <source>Write e-invoices to:</source>
        <translation>Skriv e-fakturaer til:</translation>
    </message>
    <message>
        <source>empty: use the system&apos;s settings</source>
        <translation>tomt: bruk systemets innstillinger</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test tilkoblingen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>ikke testet</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Feilet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Hoppet over</translation>
    </message>
    <message>
        <source>There is no sender profile to set up.</source>
        <translation>Det finnes ingen avsenderprofil å sette opp.</translation>
    </message>
    <message>
        <source>The portal address must start with https://.</source>
        <translation>Portaladressen må begynne med https://.</translation>
    </message>
    <message>
        <source>The SFTP server must look like sftp://host:22/folder.</source>
        <translation>SFTP-serveren må se ut som sftp://vert:22/mappe.</translation>
    </message>
    <message>
        <source>Choose the folder the e-invoices are written to.</source>
        <translation>Velg mappen der e-fakturaene skrives.</translation>
    </message>
    <message>
        <source>testing…</source>
        <translation>tester…</translation>
    </message>
    <message>
        <source>Sender profile:</source>
        <translation>Avsenderprofil:</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>known_hosts file, or SHA256:... from your operator</source>
        <translation>known_hosts-fil, eller SHA256:... fra operatøren din</translation>
    </message>
    <message>
        <source>e.g. ~/in; empty: no incoming invoices</source>
        <translation>f.eks. ~/in; tomt: ingen innkommende fakturaer</translation>
    </message>
    <message>
        <source>where answers about your invoices arrive; may be empty</source>
        <translation>der svar om fakturaene dine kommer; kan være tomt</translation>
    </message>
    <message>
        <source>empty: the server&apos;s outbox folder</source>
        <translation>tomt: serverens utboks</translation>
    </message>
    <message>
        <source>Server identity:</source>
        <translation>Serverens identitet:</translation>
    </message>
    <message>
        <source>Incoming folder on the server:</source>
        <translation>Innkommende mappe på serveren:</translation>
    </message>
    <message>
        <source>Answers to your invoices:</source>
        <translation>Svar på fakturaene dine:</translation>
    </message>
    <message>
        <source>Your answers go to:</source>
        <translation>Svarene dine sendes til:</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ProfileSettingsPage</name>
    <message>
        <source>Add profile…</source>
        <translation>Legg til profil…</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>one folder per line</source>
        <translation>én mappe per linje</translation>
    </message>
    <message>
        <source>I approve every invoice</source>
        <translation>Jeg godkjenner hver faktura</translation>
    </message>
    <message>
        <source>Send complete and valid invoices at once</source>
        <translation>Send komplette og gyldige fakturaer med en gang</translation>
    </message>
    <message>
        <source>Name in the list:</source>
        <translation>Navn i listen:</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Firmanavn:</translation>
    </message>
    <message>
        <source>VAT number:</source>
        <translation>MVA-nummer:</translation>
    </message>
    <message>
        <source>Organisation number:</source>
        <translation>Organisasjonsnummer:</translation>
    </message>
    <message>
        <source>Electronic address:</source>
        <translation>Elektronisk adresse:</translation>
    </message>
    <message>
        <source>Country (2 letters):</source>
        <translation>Land (2 bokstaver):</translation>
    </message>
    <message>
        <source>Watched folders:</source>
        <translation>Overvåkede mapper:</translation>
    </message>
    <message>
        <source>Send policy:</source>
        <translation>Senderegel:</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Legg til profil</translation>
    </message>
    <message>
        <source>Short name (letters, digits, - and _):</source>
        <translation>Kort navn (bokstaver, sifre, - og _):</translation>
    </message>
    <message>
        <source>Profile %1: the electronic address needs its scheme, like 0007:5566778899.</source>
        <translation>Profil %1: den elektroniske adressen trenger skjemaet sitt, for eksempel 0192:987654321.</translation>
    </message>
    <message>
        <source>Profile %1: the country must be two letters, like SE.</source>
        <translation>Profil %1: landet må være to bokstaver, for eksempel NO.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::QueueModel</name>
    <message>
        <source>Credit note</source>
        <translation>Kreditnota</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Skriver: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Mappe: %1</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Lagt til: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Fakturanummer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::QueueWindow</name>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>&amp;Agent</translation>
    </message>
    <message>
        <source>&amp;Pause sending</source>
        <translation>&amp;Sett sending på pause</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Må kontrolleres</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Feilet</translation>
    </message>
    <message>
        <source>Search number, customer, file…</source>
        <translation>Søk nummer, kunde, fil…</translation>
    </message>
    <message>
        <source>Send all ready…</source>
        <translation>Send alle klare…</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>Sendekø</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Innkommende</translation>
    </message>
    <message>
        <source>Nothing is ready to send.</source>
        <translation>Ingenting er klart til sending.</translation>
    </message>
    <message>
        <source>Send all ready</source>
        <translation>Send alle klare</translation>
    </message>
    <message numerus="yes">
        <source>Send %n ready document(s) now?</source>
        <translation>
            <numerusform>Sende %n klart dokument nå?</numerusform>
            <numerusform>Sende %n klare dokumenter nå?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) approved for sending.</source>
        <translation>
            <numerusform>%n dokument godkjent for sending.</numerusform>
            <numerusform>%n dokumenter godkjent for sending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) review</source>
        <translation>
            <numerusform>%n til kontroll</numerusform>
            <numerusform>%n til kontroll</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n klar</numerusform>
            <numerusform>%n klare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n venter på sending</numerusform>
            <numerusform>%n venter på sending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n feilet</numerusform>
            <numerusform>%n feilet</numerusform>
        </translation>
    </message>
    <message>
        <source>sending paused</source>
        <translation>sending på pause</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Ingenting venter</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so eInvoice Connector shows no icon there: this window is the way in. Closing it keeps the agent working in the background; start eInvoice Connector again to bring the window back, or choose Agent › Quit to stop it.</source>
        <translation>Skrivebordet ditt har ikke noe systemstatusfelt, så eInvoice Connector viser ikke noe ikon der: dette vinduet er veien inn. Lukker du det, fortsetter agenten å arbeide i bakgrunnen; start eInvoice Connector igjen for å få vinduet tilbake, eller velg Agent › Avslutt for å stoppe den.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SettingsDialog</name>
    <message>
        <source>eInvoice Connector settings</source>
        <translation>Innstillinger for eInvoice Connector</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Sender profiles</source>
        <translation>Avsenderprofiler</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Innstillingene ble ikke lagret</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SetupWizard</name>
    <message>
        <source>Set up eInvoice Connector</source>
        <translation>Sett opp eInvoice Connector</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Neste &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Tilbake</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fullfør</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Velkommen</translation>
    </message>
    <message>
        <source>eInvoice Connector turns the invoices you print or export from your accounting program into e-invoices and sends them to your customers through your e-invoicing portal.

This set-up asks how to reach your portal, which company you send for and where incoming invoices go. You can change everything later under Settings.</source>
        <translation>eInvoice Connector gjør fakturaene du skriver ut eller eksporterer fra regnskapsprogrammet ditt om til e-fakturaer og sender dem til kundene dine via e-fakturaportalen din.

Dette oppsettet spør hvordan portalen din nås, hvilket firma du sender for og hvor innkommende fakturaer skal. Du kan endre alt senere under Innstillinger.</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>How your e-invoices leave this computer. Test the connection before you go on.</source>
        <translation>Hvordan e-fakturaene dine forlater denne datamaskinen. Test tilkoblingen før du går videre.</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>Ditt firma</translation>
    </message>
    <message>
        <source>The company the invoices are sent for, and the folders your accounting program exports invoices to.</source>
        <translation>Firmaet fakturaene sendes for, og mappene regnskapsprogrammet ditt eksporterer fakturaer til.</translation>
    </message>
    <message>
        <source>Incoming invoices and language</source>
        <translation>Innkommende fakturaer og språk</translation>
    </message>
    <message>
        <source>Where invoices your suppliers send you are saved.</source>
        <translation>Hvor fakturaer leverandørene dine sender deg, lagres.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Press Finish to save. Print an invoice to the &quot;eInvoice&quot; printer or export it into a watched folder, and it appears in the send queue.</source>
        <translation>Trykk på Fullfør for å lagre. Skriv ut en faktura til skriveren «eInvoice» eller eksporter den til en overvåket mappe, så vises den i sendekøen.</translation>
    </message>
    <message>
        <source>Set-up not saved</source>
        <translation>Oppsettet ble ikke lagret</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TokenStore</name>
    <message>
        <source>The token was not stored.</source>
        <translation>Tokenet ble ikke lagret.</translation>
    </message>
    <message>
        <source>No portal token is stored in the keychain for this profile yet.</source>
        <translation>Ingen portaltoken er lagret i nøkkelringen for denne profilen ennå.</translation>
    </message>
    <message>
        <source>The keychain is locked: unlock it (or log in to your desktop again), then try again.</source>
        <translation>Nøkkelringen er låst: lås den opp (eller logg inn på skrivebordet igjen), og prøv deretter på nytt.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (the desktop&apos;s password store does not answer): %1</source>
        <translation>Ingen nøkkelring er tilgjengelig på denne datamaskinen (skrivebordets passordlager svarer ikke): %1</translation>
    </message>
    <message>
        <source>The keychain refused: %1</source>
        <translation>Nøkkelringen nektet: %1</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TrayApp</name>
    <message>
        <source>document %1</source>
        <translation>dokument %1</translation>
    </message>
    <message>
        <source>Invoice %1 was not sent</source>
        <translation>Faktura %1 ble ikke sendt</translation>
    </message>
    <message>
        <source>A document could not be taken in</source>
        <translation>Et dokument kunne ikke tas imot</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 fra %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new invoice(s) received</source>
        <translation>
            <numerusform>%n ny faktura mottatt</numerusform>
            <numerusform>%n nye fakturaer mottatt</numerusform>
        </translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
    <message>
        <source>About eInvoice Connector</source>
        <translation>Om eInvoice Connector</translation>
    </message>
    <message>
        <source>&lt;b&gt;eInvoice Connector %1&lt;/b&gt;&lt;p&gt;Turns printed and exported invoices into Peppol e-invoices and sends them through your e-invoicing portal.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;eInvoice Connector %1&lt;/b&gt;&lt;p&gt;Gjør utskrevne og eksporterte fakturaer om til Peppol-e-fakturaer og sender dem via din e-fakturaportal.&lt;/p&gt;&lt;p&gt;Datamappe: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TrayIcon</name>
    <message>
        <source>Open send queue</source>
        <translation>Åpne sendekøen</translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation>Sett sending på pause</translation>
    </message>
    <message>
        <source>Open incoming invoices</source>
        <translation>Åpne innkommende fakturaer</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Innstillinger…</translation>
    </message>
    <message>
        <source>About eInvoice Connector</source>
        <translation>Om eInvoice Connector</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Sending failed: %1</source>
        <translation>Sendingen feilet: %1</translation>
    </message>
    <message>
        <source>Sending is paused.</source>
        <translation>Sendingen er satt på pause.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) need your review.</source>
        <translation>
            <numerusform>%n dokument må kontrolleres.</numerusform>
            <numerusform>%n dokumenter må kontrolleres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) ready to send.</source>
        <translation>
            <numerusform>%n dokument klart til sending.</numerusform>
            <numerusform>%n dokumenter klare til sending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) failed or were rejected.</source>
        <translation>
            <numerusform>%n dokument feilet eller ble avvist.</numerusform>
            <numerusform>%n dokumenter feilet eller ble avvist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working on %n document(s).</source>
        <translation>
            <numerusform>Arbeider med %n dokument.</numerusform>
            <numerusform>Arbeider med %n dokumenter.</numerusform>
        </translation>
    </message>
    <message>
        <source>All documents are sent.</source>
        <translation>Alle dokumenter er sendt.</translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>Gjenoppta sending</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>eInvoice Connector: the tray application (use --headless to run without a display).</source>
        <translation>eInvoice Connector: programmet i systemstatusfeltet (bruk --headless for å kjøre uten skjerm).</translation>
    </message>
    <message>
        <source>Run without a display.</source>
        <translation>Kjør uten skjerm.</translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation>Innstillingsfil (standard %1).</translation>
    </message>
    <message>
        <source>Run the set-up wizard.</source>
        <translation>Kjør oppsettveiviseren.</translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
</context>
</TS>
