<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>einvoice::gui::Autostart</name>
    <message>
        <source>%1: cannot remove the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ConnectionTester</name>
    <message>
        <source>Name lookup (DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in (token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal service (API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web address (it should look like https://portal.example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tried: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: %2. Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the portal&apos;s name is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy: the portal is reached directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy &apos;%1&apos; should look like http://proxy.example.com:3128.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy setting is not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy %1 does not answer: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy %1 answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address starts with http://, so invoices would travel unencrypted. Use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection would not be secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no certificate in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate file is not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secure connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted; the portal&apos;s certificate for %1 is trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal&apos;s certificate is not trusted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure connection: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure connection: no answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused the token (HTTP %1). Copy a new token from the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal answered HTTP %1 to the sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer to the sign-in: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal service (API v1) is working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address does not answer like an eInvoice portal (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the portal service: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::CorrectionService</name>
    <message>
        <source>Job %1 has no invoice to correct yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::GeneralSettingsPage</name>
    <message>
        <source>Incoming invoices folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UBL (Peppol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CII</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start eInvoice Connector when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose UBL or CII for incoming invoices: a PDF copy alone cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder incoming invoices are saved to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingModel</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingTab</name>
    <message>
        <source>Open e-invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incoming folder is set up (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices downloaded from the portal into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your portal does not take responses to invoices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why do you reject invoice %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::JobDetailPane</name>
    <message>
        <source>Fields read from the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open e-invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Value&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Found&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a document in the list to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3 — &lt;i&gt;%4&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• &lt;b&gt;%1&lt;/b&gt; %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(must be fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs your attention&lt;/b&gt;&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layout was learned for the next invoice of this kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed on the page, so not learned: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved; it will be sent now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be tried again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard %1? It will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded in the queue window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::JobDetails</name>
    <message>
        <source>Invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller VAT number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller organisation number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer VAT number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total without VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total with VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded e-invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calculated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::Language</name>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::PdfPageView</name>
    <message>
        <source>%1: the PDF cannot be shown (damaged or password protected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page to show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::PortalSettingsPage</name>
    <message>
        <source>e-invoicing portal (HTTPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SFTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder (another program sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send invoices through:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste the token from the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only if your IT department gave you one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra certificate (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write e-invoices to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: use the system&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sender profile to set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal address must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SFTP server must look like sftp://host:22/folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder the e-invoices are written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>testing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ProfileSettingsPage</name>
    <message>
        <source>Add profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one folder per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I approve every invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send complete and valid invoices at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in the list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country (2 letters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short name (letters, digits, - and _):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: the electronic address needs its scheme, like 0007:5566778899.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: the country must be two letters, like SE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::QueueModel</name>
    <message>
        <source>Credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::QueueWindow</name>
    <message>
        <source>eInvoice Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search number, customer, file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send all ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is ready to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send all ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Send %n ready document(s) now?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) approved for sending.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>sending paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SecretStore</name>
    <message>
        <source>The keychain refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SettingsDialog</name>
    <message>
        <source>eInvoice Connector settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SettingsWriter</name>
    <message>
        <source>%1: cannot write the configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SetupWizard</name>
    <message>
        <source>Set up eInvoice Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eInvoice Connector turns the invoices you print or export from your accounting program into e-invoices and sends them to your customers through your e-invoicing portal.

This set-up asks how to reach your portal, which company you send for and where incoming invoices go. You can change everything later under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How your e-invoices leave this computer. Test the connection before you go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company the invoices are sent for, and the folders your accounting program exports invoices to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming invoices and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where invoices your suppliers send you are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Finish to save. Print an invoice to the &quot;eInvoice&quot; printer or export it into a watched folder, and it appears in the send queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-up not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TrayApp</name>
    <message>
        <source>document %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document could not be taken in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new invoice(s) received</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About eInvoice Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;eInvoice Connector %1&lt;/b&gt;&lt;p&gt;Turns printed and exported invoices into Peppol e-invoices and sends them through your e-invoicing portal.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TrayIcon</name>
    <message>
        <source>Open send queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incoming invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About eInvoice Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) need your review.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) ready to send.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) failed or were rejected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working on %n document(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All documents are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>eInvoice Connector: the tray application (use --headless to run without a display).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the set-up wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
