<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>JobState</name>
    <message>
        <source>Captured</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Läst</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Behöver granskas</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Skickas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckad</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Kasserad</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::Autostart</name>
    <message>
        <source>%1: cannot remove the file</source>
        <translation>%1: filen kan inte tas bort</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kan inte skrivas: %2</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ConnectionTester</name>
    <message>
        <source>Name lookup (DNS)</source>
        <translation>Namnuppslag (DNS)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Säker anslutning (TLS)</translation>
    </message>
    <message>
        <source>Sign-in (token)</source>
        <translation>Inloggning (token)</translation>
    </message>
    <message>
        <source>Portal service (API)</source>
        <translation>Portaltjänst (API)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web address (it should look like https://portal.example.com).</source>
        <translation>&apos;%1&apos; är ingen webbadress (den ska se ut som https://portal.example.com).</translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation>adressen går inte att använda</translation>
    </message>
    <message>
        <source>Not tried: %1.</source>
        <translation>Inte provat: %1.</translation>
    </message>
    <message>
        <source>%1 cannot be found: %2. Check the address and the network.</source>
        <translation>%1 hittas inte: %2. Kontrollera adressen och nätverket.</translation>
    </message>
    <message>
        <source>the portal&apos;s name is unknown</source>
        <translation>portalens namn är okänt</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 är %2.</translation>
    </message>
    <message>
        <source>No proxy: the portal is reached directly.</source>
        <translation>Ingen proxy: portalen nås direkt.</translation>
    </message>
    <message>
        <source>The proxy &apos;%1&apos; should look like http://proxy.example.com:3128.</source>
        <translation>Proxyn &apos;%1&apos; ska se ut som http://proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>the proxy setting is not usable</source>
        <translation>proxyinställningen går inte att använda</translation>
    </message>
    <message>
        <source>The proxy %1 does not answer: %2.</source>
        <translation>Proxyn %1 svarar inte: %2.</translation>
    </message>
    <message>
        <source>the proxy cannot be reached</source>
        <translation>proxyn kan inte nås</translation>
    </message>
    <message>
        <source>The proxy %1 answers.</source>
        <translation>Proxyn %1 svarar.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>inget svar i tid</translation>
    </message>
    <message>
        <source>The address starts with http://, so invoices would travel unencrypted. Use https://.</source>
        <translation>Adressen börjar med http://, så fakturorna skulle skickas okrypterade. Använd https://.</translation>
    </message>
    <message>
        <source>the connection would not be secure</source>
        <translation>anslutningen skulle inte vara säker</translation>
    </message>
    <message>
        <source>%1: no certificate in this file.</source>
        <translation>%1: filen innehåller inget certifikat.</translation>
    </message>
    <message>
        <source>the certificate file is not usable</source>
        <translation>certifikatfilen går inte att använda</translation>
    </message>
    <message>
        <source>no secure connection</source>
        <translation>ingen säker anslutning</translation>
    </message>
    <message>
        <source>Encrypted; the portal&apos;s certificate for %1 is trusted.</source>
        <translation>Krypterad; portalens certifikat för %1 är betrott.</translation>
    </message>
    <message>
        <source>The portal&apos;s certificate is not trusted: %1.</source>
        <translation>Portalens certifikat är inte betrott: %1.</translation>
    </message>
    <message>
        <source>No secure connection: %1.</source>
        <translation>Ingen säker anslutning: %1.</translation>
    </message>
    <message>
        <source>No secure connection: no answer in time.</source>
        <translation>Ingen säker anslutning: inget svar i tid.</translation>
    </message>
    <message>
        <source>No token is entered.</source>
        <translation>Ingen token är angiven.</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>ingen token</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Inloggad som %1.</translation>
    </message>
    <message>
        <source>The portal refused the token (HTTP %1). Copy a new token from the portal.</source>
        <translation>Portalen avvisade token (HTTP %1). Kopiera en ny token från portalen.</translation>
    </message>
    <message>
        <source>The portal answered HTTP %1 to the sign-in.</source>
        <translation>Portalen svarade HTTP %1 på inloggningen.</translation>
    </message>
    <message>
        <source>No answer to the sign-in: %1.</source>
        <translation>Inget svar på inloggningen: %1.</translation>
    </message>
    <message>
        <source>The portal service (API v1) is working.</source>
        <translation>Portaltjänsten (API v1) fungerar.</translation>
    </message>
    <message>
        <source>This address does not answer like an eInvoice portal (HTTP %1).</source>
        <translation>Den här adressen svarar inte som en e-fakturaportal (HTTP %1).</translation>
    </message>
    <message>
        <source>No answer from the portal service: %1.</source>
        <translation>Inget svar från portaltjänsten: %1.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::CorrectionService</name>
    <message>
        <source>Job %1 has no invoice to correct yet.</source>
        <translation>Dokument %1 har ännu ingen faktura att rätta.</translation>
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
        <translation>Agenten körs inte, så fakturor kan inte besvaras nu.</translation>
    </message>
    <message>
        <source>%1 did not arrive through this agent&apos;s portal connection, so it cannot be answered from here.</source>
        <translation>%1 kom inte via den här agentens portalanslutning, så den kan inte besvaras härifrån.</translation>
    </message>
    <message>
        <source>The connection of profile %1 cannot be used: %2</source>
        <translation>Anslutningen för profilen %1 kan inte användas: %2</translation>
    </message>
    <message>
        <source>Profile %1 exchanges invoices through a folder, which carries no answers to the seller. Answer in your portal or tell the seller directly.</source>
        <translation>Profilen %1 utbyter fakturor via en mapp, som inte för svar till säljaren. Svara i din portal eller kontakta säljaren direkt.</translation>
    </message>
    <message>
        <source>The %1 connection of profile %2 carries no answers to the seller. Answer in your portal or tell the seller directly.</source>
        <translation>%1-anslutningen för profilen %2 för inte svar till säljaren. Svara i din portal eller kontakta säljaren direkt.</translation>
    </message>
    <message>
        <source>Invoice %1 arrived for the sender profile &apos;%2&apos;, which is no longer set up.</source>
        <translation>Faktura %1 kom till avsändarprofilen &apos;%2&apos;, som inte längre är inställd.</translation>
    </message>
    <message>
        <source>Cannot answer invoice %1 from %2: %3</source>
        <translation>Kan inte besvara faktura %1 från %2: %3</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::GeneralSettingsPage</name>
    <message>
        <source>Incoming invoices folder:</source>
        <translation>Mapp för inkommande fakturor:</translation>
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
        <translation>PDF-kopia</translation>
    </message>
    <message>
        <source>Download as:</source>
        <translation>Hämta som:</translation>
    </message>
    <message>
        <source>Start eInvoice Connector when I log in</source>
        <translation>Starta eInvoice Connector när jag loggar in</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Choose UBL or CII for incoming invoices: a PDF copy alone cannot be read.</source>
        <translation>Välj UBL eller CII för inkommande fakturor: en PDF-kopia ensam kan inte läsas.</translation>
    </message>
    <message>
        <source>Choose the folder incoming invoices are saved to.</source>
        <translation>Välj mappen där inkommande fakturor sparas.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingModel</name>
    <message>
        <source>Accepted</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betald</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Kan inte läsas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Säljare</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Fakturanummer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bekräftad</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>Under behandling</translation>
    </message>
    <message>
        <source>Under query</source>
        <translation>Ifrågasatt</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingTab</name>
    <message>
        <source>Open e-invoice</source>
        <translation>Öppna e-faktura</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Öppna PDF</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Visa i mapp</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Avvisa…</translation>
    </message>
    <message>
        <source>Mark as paid</source>
        <translation>Markera som betald</translation>
    </message>
    <message>
        <source>No incoming folder is set up (Settings).</source>
        <translation>Ingen mapp för inkommande är inställd (Inställningar).</translation>
    </message>
    <message>
        <source>Invoices downloaded from the portal into %1</source>
        <translation>Fakturor hämtade från portalen till %1</translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation>%1: inget program kan öppna den.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation>%1: mappen kan inte öppnas.</translation>
    </message>
    <message>
        <source>Reject invoice</source>
        <translation>Avvisa faktura</translation>
    </message>
    <message>
        <source>Answers to invoices cannot be sent from this computer; answer the seller in your portal.</source>
        <translation>Svar på fakturor kan inte skickas från den här datorn; svara säljaren i din portal.</translation>
    </message>
    <message>
        <source>Waiting for the portal to take your answer.</source>
        <translation>Väntar på att portalen tar emot ditt svar.</translation>
    </message>
    <message>
        <source>You answered invoice %1: %2 (%3).</source>
        <translation>Du har svarat på faktura %1: %2 (%3).</translation>
    </message>
    <message>
        <source>You answered invoice %1: %2.</source>
        <translation>Du har svarat på faktura %1: %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Orsak: %1</translation>
    </message>
    <message>
        <source>You already answered invoice %1 from %2: %3. Send &quot;%4&quot; as well?</source>
        <translation>Du har redan svarat på faktura %1 från %2: %3. Skicka &quot;%4&quot; också?</translation>
    </message>
    <message>
        <source>Answer again</source>
        <translation>Svara igen</translation>
    </message>
    <message>
        <source>Why do you reject invoice %1 from %2? The seller reads this.</source>
        <translation>Varför avvisar du faktura %1 från %2? Säljaren läser detta.</translation>
    </message>
    <message>
        <source>Invoice %1 was not rejected: a rejection needs a reason.</source>
        <translation>Faktura %1 avvisades inte: en avvisning kräver en orsak.</translation>
    </message>
    <message>
        <source>Sending your answer about invoice %1 from %2…</source>
        <translation>Skickar ditt svar om faktura %1 från %2…</translation>
    </message>
    <message>
        <source>Invoice %1 from %2: %3 was sent.</source>
        <translation>Faktura %1 från %2: %3 har skickats.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::JobDetailPane</name>
    <message>
        <source>Fields read from the document</source>
        <translation>Fält lästa från dokumentet</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Spara rättelse</translation>
    </message>
    <message>
        <source>Approve and send</source>
        <translation>Godkänn och skicka</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Kassera…</translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>Öppna original</translation>
    </message>
    <message>
        <source>Open e-invoice</source>
        <translation>Öppna e-faktura</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Visa i mapp</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fält&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Value&lt;/b&gt;</source>
        <translation>&lt;b&gt;Värde&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Found&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hittat&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a document in the list to see it here.</source>
        <translation>Välj ett dokument i listan för att se det här.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3 — &lt;i&gt;%4&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 — %3 — &lt;i&gt;%4&lt;/i&gt;</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>hittades inte</translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation>%1 % · %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Sida %1</translation>
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
        <translation>(måste rättas)</translation>
    </message>
    <message>
        <source>(warning)</source>
        <translation>(varning)</translation>
    </message>
    <message>
        <source>• Last error: %1</source>
        <translation>• Senaste fel: %1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Inga problem hittades.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs your attention&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Behöver din uppmärksamhet&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Rättelsen är sparad.</translation>
    </message>
    <message>
        <source>The layout was learned for the next invoice of this kind.</source>
        <translation>Layouten är inlärd till nästa faktura av det här slaget.</translation>
    </message>
    <message>
        <source>Not printed on the page, so not learned: %1.</source>
        <translation>Står inte på sidan och lärdes därför inte: %1.</translation>
    </message>
    <message>
        <source>Approved; it will be sent now.</source>
        <translation>Godkänd; den skickas nu.</translation>
    </message>
    <message>
        <source>It will be tried again now.</source>
        <translation>Ett nytt försök görs nu.</translation>
    </message>
    <message>
        <source>Discard document</source>
        <translation>Kassera dokument</translation>
    </message>
    <message>
        <source>Discard %1? It will not be sent.</source>
        <translation>Kassera %1? Den skickas inte.</translation>
    </message>
    <message>
        <source>this document</source>
        <translation>det här dokumentet</translation>
    </message>
    <message>
        <source>Discarded in the queue window.</source>
        <translation>Kasserad i köfönstret.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Kasserad.</translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation>%1: inget program kan öppna den.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation>%1: mappen kan inte öppnas.</translation>
    </message>
    <message>
        <source>There is no e-invoice yet: it is made when the document passes the rules.</source>
        <translation>Det finns ingen e-faktura än: den skapas när dokumentet klarar reglerna.</translation>
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
        <translation>Fakturadatum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Säljare</translation>
    </message>
    <message>
        <source>Seller VAT number</source>
        <translation>Säljarens momsnummer</translation>
    </message>
    <message>
        <source>Seller organisation number</source>
        <translation>Säljarens organisationsnummer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Customer VAT number</source>
        <translation>Kundens momsnummer</translation>
    </message>
    <message>
        <source>Buyer reference</source>
        <translation>Köparens referens</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>Ordernummer</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Total without VAT</source>
        <translation>Summa exkl. moms</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>Total with VAT</source>
        <translation>Summa inkl. moms</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Att betala</translation>
    </message>
    <message>
        <source>embedded e-invoice</source>
        <translation>inbäddad e-faktura</translation>
    </message>
    <message>
        <source>learned layout</source>
        <translation>inlärd layout</translation>
    </message>
    <message>
        <source>printed label</source>
        <translation>tryckt etikett</translation>
    </message>
    <message>
        <source>calculated</source>
        <translation>beräknat</translation>
    </message>
    <message>
        <source>sender profile</source>
        <translation>avsändarprofil</translation>
    </message>
    <message>
        <source>your correction</source>
        <translation>din rättelse</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>hittades inte</translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation>Det finns inget dokument %1.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::Language</name>
    <message>
        <source>System default</source>
        <translation>Systemets standard</translation>
    </message>
    <message>
        <source>%1: cannot write the configuration</source>
        <translation>%1: inställningarna kan inte sparas</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::PdfPageView</name>
    <message>
        <source>%1: the PDF cannot be shown (damaged or password protected).</source>
        <translation>%1: PDF-filen kan inte visas (skadad eller lösenordsskyddad).</translation>
    </message>
    <message>
        <source>No page to show</source>
        <translation>Ingen sida att visa</translation>
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
        <translation>Mapp (ett annat program skickar)</translation>
    </message>
    <message>
        <source>Send invoices through:</source>
        <translation>Skicka fakturor via:</translation>
    </message>
    <message>
        <source>paste the token from the portal</source>
        <translation>klistra in token från portalen</translation>
    </message>
    <message>
        <source>only if your IT department gave you one</source>
        <translation>bara om din IT-avdelning gav dig ett</translation>
    </message>
    <message>
        <source>Portal address:</source>
        <translation>Portaladress:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Åtkomsttoken:</translation>
    </message>
    <message>
        <source>Extra certificate (PEM):</source>
        <translation>Extra certifikat (PEM):</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Användare:</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Nyckelfil:</translation>
    </message>
    <message>
        <source>Write e-invoices to:</source>
        <translation>Skriv e-fakturor till:</translation>
    </message>
    <message>
        <source>empty: use the system&apos;s settings</source>
        <translation>tomt: använd systemets inställningar</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
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
        <translation>inte testad</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckades</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Hoppades över</translation>
    </message>
    <message>
        <source>There is no sender profile to set up.</source>
        <translation>Det finns ingen avsändarprofil att konfigurera.</translation>
    </message>
    <message>
        <source>The portal address must start with https://.</source>
        <translation>Portaladressen måste börja med https://.</translation>
    </message>
    <message>
        <source>The SFTP server must look like sftp://host:22/folder.</source>
        <translation>SFTP-servern ska se ut som sftp://värd:22/mapp.</translation>
    </message>
    <message>
        <source>Choose the folder the e-invoices are written to.</source>
        <translation>Välj mappen där e-fakturorna skrivs.</translation>
    </message>
    <message>
        <source>testing…</source>
        <translation>testar…</translation>
    </message>
    <message>
        <source>Sender profile:</source>
        <translation>Avsändarprofil:</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>known_hosts file, or SHA256:... from your operator</source>
        <translation>known_hosts-fil, eller SHA256:... från din operatör</translation>
    </message>
    <message>
        <source>e.g. ~/in; empty: no incoming invoices</source>
        <translation>t.ex. ~/in; tomt: inga inkommande fakturor</translation>
    </message>
    <message>
        <source>where answers about your invoices arrive; may be empty</source>
        <translation>där svar om dina fakturor kommer; får vara tomt</translation>
    </message>
    <message>
        <source>empty: the server&apos;s outbox folder</source>
        <translation>tomt: serverns utkorg</translation>
    </message>
    <message>
        <source>Server identity:</source>
        <translation>Serverns identitet:</translation>
    </message>
    <message>
        <source>Incoming folder on the server:</source>
        <translation>Inkommande mapp på servern:</translation>
    </message>
    <message>
        <source>Answers to your invoices:</source>
        <translation>Svar på dina fakturor:</translation>
    </message>
    <message>
        <source>Your answers go to:</source>
        <translation>Dina svar skickas till:</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ProfileSettingsPage</name>
    <message>
        <source>Add profile…</source>
        <translation>Lägg till profil…</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>one folder per line</source>
        <translation>en mapp per rad</translation>
    </message>
    <message>
        <source>I approve every invoice</source>
        <translation>Jag godkänner varje faktura</translation>
    </message>
    <message>
        <source>Send complete and valid invoices at once</source>
        <translation>Skicka kompletta och giltiga fakturor direkt</translation>
    </message>
    <message>
        <source>Name in the list:</source>
        <translation>Namn i listan:</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Företagsnamn:</translation>
    </message>
    <message>
        <source>VAT number:</source>
        <translation>Momsnummer:</translation>
    </message>
    <message>
        <source>Organisation number:</source>
        <translation>Organisationsnummer:</translation>
    </message>
    <message>
        <source>Electronic address:</source>
        <translation>Elektronisk adress:</translation>
    </message>
    <message>
        <source>Country (2 letters):</source>
        <translation>Land (2 bokstäver):</translation>
    </message>
    <message>
        <source>Watched folders:</source>
        <translation>Bevakade mappar:</translation>
    </message>
    <message>
        <source>Send policy:</source>
        <translation>Sändningsregel:</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Lägg till profil</translation>
    </message>
    <message>
        <source>Short name (letters, digits, - and _):</source>
        <translation>Kort namn (bokstäver, siffror, - och _):</translation>
    </message>
    <message>
        <source>Profile %1: the electronic address needs its scheme, like 0007:5566778899.</source>
        <translation>Profil %1: den elektroniska adressen behöver sitt schema, till exempel 0007:5566778899.</translation>
    </message>
    <message>
        <source>Profile %1: the country must be two letters, like SE.</source>
        <translation>Profil %1: landet ska vara två bokstäver, till exempel SE.</translation>
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
        <translation>Skrivare: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Mapp: %1</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Tillagd: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Fakturanummer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
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
        <translation>&amp;Pausa sändning</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Behöver granskas</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickade</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckades</translation>
    </message>
    <message>
        <source>Search number, customer, file…</source>
        <translation>Sök nummer, kund, fil…</translation>
    </message>
    <message>
        <source>Send all ready…</source>
        <translation>Skicka alla klara…</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>Sändningskö</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Inkommande</translation>
    </message>
    <message>
        <source>Nothing is ready to send.</source>
        <translation>Inget är klart att skicka.</translation>
    </message>
    <message>
        <source>Send all ready</source>
        <translation>Skicka alla klara</translation>
    </message>
    <message numerus="yes">
        <source>Send %n ready document(s) now?</source>
        <translation>
            <numerusform>Skicka %n klart dokument nu?</numerusform>
            <numerusform>Skicka %n klara dokument nu?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) approved for sending.</source>
        <translation>
            <numerusform>%n dokument godkänt för sändning.</numerusform>
            <numerusform>%n dokument godkända för sändning.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) review</source>
        <translation>
            <numerusform>%n att granska</numerusform>
            <numerusform>%n att granska</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n klar</numerusform>
            <numerusform>%n klara</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n väntar på att skickas</numerusform>
            <numerusform>%n väntar på att skickas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n misslyckades</numerusform>
            <numerusform>%n misslyckades</numerusform>
        </translation>
    </message>
    <message>
        <source>sending paused</source>
        <translation>sändning pausad</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Inget väntar</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so eInvoice Connector shows no icon there: this window is the way in. Closing it keeps the agent working in the background; start eInvoice Connector again to bring the window back, or choose Agent › Quit to stop it.</source>
        <translation>Ditt skrivbord har inget systemfält, så eInvoice Connector visar ingen ikon där: det här fönstret är vägen in. Om du stänger det fortsätter agenten att arbeta i bakgrunden; starta eInvoice Connector igen för att få tillbaka fönstret, eller välj Agent › Avsluta för att stoppa den.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SettingsDialog</name>
    <message>
        <source>eInvoice Connector settings</source>
        <translation>Inställningar för eInvoice Connector</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sändning</translation>
    </message>
    <message>
        <source>Sender profiles</source>
        <translation>Avsändarprofiler</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Inställningarna sparades inte</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SetupWizard</name>
    <message>
        <source>Set up eInvoice Connector</source>
        <translation>Konfigurera eInvoice Connector</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Nästa &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Tillbaka</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Slutför</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Välkommen</translation>
    </message>
    <message>
        <source>eInvoice Connector turns the invoices you print or export from your accounting program into e-invoices and sends them to your customers through your e-invoicing portal.

This set-up asks how to reach your portal, which company you send for and where incoming invoices go. You can change everything later under Settings.</source>
        <translation>eInvoice Connector gör fakturorna som du skriver ut eller exporterar från ditt bokföringsprogram till e-fakturor och skickar dem till dina kunder via din e-fakturaportal.

Den här konfigurationen frågar hur din portal nås, vilket företag du skickar för och vart inkommande fakturor ska. Du kan ändra allt senare under Inställningar.</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sändning</translation>
    </message>
    <message>
        <source>How your e-invoices leave this computer. Test the connection before you go on.</source>
        <translation>Hur dina e-fakturor lämnar den här datorn. Testa anslutningen innan du går vidare.</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>Ditt företag</translation>
    </message>
    <message>
        <source>The company the invoices are sent for, and the folders your accounting program exports invoices to.</source>
        <translation>Företaget som fakturorna skickas för, och mapparna som ditt bokföringsprogram exporterar fakturor till.</translation>
    </message>
    <message>
        <source>Incoming invoices and language</source>
        <translation>Inkommande fakturor och språk</translation>
    </message>
    <message>
        <source>Where invoices your suppliers send you are saved.</source>
        <translation>Var fakturor som dina leverantörer skickar till dig sparas.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Press Finish to save. Print an invoice to the &quot;eInvoice&quot; printer or export it into a watched folder, and it appears in the send queue.</source>
        <translation>Tryck på Slutför för att spara. Skriv ut en faktura till skrivaren &quot;eInvoice&quot; eller exportera den till en bevakad mapp, så visas den i sändningskön.</translation>
    </message>
    <message>
        <source>Set-up not saved</source>
        <translation>Konfigurationen sparades inte</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TokenStore</name>
    <message>
        <source>The token was not stored.</source>
        <translation>Token sparades inte.</translation>
    </message>
    <message>
        <source>No portal token is stored in the keychain for this profile yet.</source>
        <translation>Ingen portaltoken finns ännu i nyckelringen för den här profilen.</translation>
    </message>
    <message>
        <source>The keychain is locked: unlock it (or log in to your desktop again), then try again.</source>
        <translation>Nyckelringen är låst: lås upp den (eller logga in på skrivbordet igen) och försök sedan igen.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (the desktop&apos;s password store does not answer): %1</source>
        <translation>Ingen nyckelring finns på den här datorn (skrivbordets lösenordsförråd svarar inte): %1</translation>
    </message>
    <message>
        <source>The keychain refused: %1</source>
        <translation>Nyckelringen vägrade: %1</translation>
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
        <translation>Faktura %1 skickades inte</translation>
    </message>
    <message>
        <source>A document could not be taken in</source>
        <translation>Ett dokument kunde inte tas emot</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 från %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new invoice(s) received</source>
        <translation>
            <numerusform>%n ny faktura har kommit</numerusform>
            <numerusform>%n nya fakturor har kommit</numerusform>
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
        <translation>&lt;b&gt;eInvoice Connector %1&lt;/b&gt;&lt;p&gt;Gör utskrivna och exporterade fakturor till Peppol-e-fakturor och skickar dem via din e-fakturaportal.&lt;/p&gt;&lt;p&gt;Datamapp: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TrayIcon</name>
    <message>
        <source>Open send queue</source>
        <translation>Öppna sändningskön</translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation>Pausa sändning</translation>
    </message>
    <message>
        <source>Open incoming invoices</source>
        <translation>Öppna inkommande fakturor</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <source>About eInvoice Connector</source>
        <translation>Om eInvoice Connector</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Sending failed: %1</source>
        <translation>Sändningen misslyckades: %1</translation>
    </message>
    <message>
        <source>Sending is paused.</source>
        <translation>Sändningen är pausad.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) need your review.</source>
        <translation>
            <numerusform>%n dokument behöver granskas.</numerusform>
            <numerusform>%n dokument behöver granskas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) ready to send.</source>
        <translation>
            <numerusform>%n dokument klart att skicka.</numerusform>
            <numerusform>%n dokument klara att skicka.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) failed or were rejected.</source>
        <translation>
            <numerusform>%n dokument misslyckades eller avvisades.</numerusform>
            <numerusform>%n dokument misslyckades eller avvisades.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working on %n document(s).</source>
        <translation>
            <numerusform>Arbetar med %n dokument.</numerusform>
            <numerusform>Arbetar med %n dokument.</numerusform>
        </translation>
    </message>
    <message>
        <source>All documents are sent.</source>
        <translation>Alla dokument är skickade.</translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>Återuppta sändning</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>eInvoice Connector: the tray application (use --headless to run without a display).</source>
        <translation>eInvoice Connector: programmet i systemfältet (använd --headless för att köra utan skärm).</translation>
    </message>
    <message>
        <source>Run without a display.</source>
        <translation>Kör utan skärm.</translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation>Inställningsfil (standard %1).</translation>
    </message>
    <message>
        <source>Run the set-up wizard.</source>
        <translation>Kör installationsguiden.</translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
</context>
</TS>
