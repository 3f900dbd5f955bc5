<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT" sourcelanguage="en">
<context>
    <name>JobState</name>
    <message>
        <source>Captured</source>
        <translation>Capturado</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lido</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Por rever</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprovado</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>A enviar</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeitado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Descartado</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::Autostart</name>
    <message>
        <source>%1: cannot remove the file</source>
        <translation>%1: não é possível remover o ficheiro</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: não é possível gravar: %2</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ConnectionTester</name>
    <message>
        <source>Name lookup (DNS)</source>
        <translation>Resolução de nomes (DNS)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Ligação segura (TLS)</translation>
    </message>
    <message>
        <source>Sign-in (token)</source>
        <translation>Início de sessão (token)</translation>
    </message>
    <message>
        <source>Portal service (API)</source>
        <translation>Serviço do portal (API)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web address (it should look like https://portal.example.com).</source>
        <translation>&apos;%1&apos; não é um endereço web (deve ser como https://portal.example.com).</translation>
    </message>
    <message>
        <source>the address is not usable</source>
        <translation>o endereço não é utilizável</translation>
    </message>
    <message>
        <source>Not tried: %1.</source>
        <translation>Não tentado: %1.</translation>
    </message>
    <message>
        <source>%1 cannot be found: %2. Check the address and the network.</source>
        <translation>%1 não foi encontrado: %2. Verifique o endereço e a rede.</translation>
    </message>
    <message>
        <source>the portal&apos;s name is unknown</source>
        <translation>o nome do portal é desconhecido</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 é %2.</translation>
    </message>
    <message>
        <source>No proxy: the portal is reached directly.</source>
        <translation>Sem proxy: o portal é acedido diretamente.</translation>
    </message>
    <message>
        <source>The proxy &apos;%1&apos; should look like http://proxy.example.com:3128.</source>
        <translation>O proxy &apos;%1&apos; deve ser como http://proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>the proxy setting is not usable</source>
        <translation>a definição de proxy não é utilizável</translation>
    </message>
    <message>
        <source>The proxy %1 does not answer: %2.</source>
        <translation>O proxy %1 não responde: %2.</translation>
    </message>
    <message>
        <source>the proxy cannot be reached</source>
        <translation>o proxy não está acessível</translation>
    </message>
    <message>
        <source>The proxy %1 answers.</source>
        <translation>O proxy %1 responde.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>sem resposta a tempo</translation>
    </message>
    <message>
        <source>The address starts with http://, so invoices would travel unencrypted. Use https://.</source>
        <translation>O endereço começa com http://, pelo que as faturas viajariam sem encriptação. Use https://.</translation>
    </message>
    <message>
        <source>the connection would not be secure</source>
        <translation>a ligação não seria segura</translation>
    </message>
    <message>
        <source>%1: no certificate in this file.</source>
        <translation>%1: este ficheiro não contém nenhum certificado.</translation>
    </message>
    <message>
        <source>the certificate file is not usable</source>
        <translation>o ficheiro de certificado não é utilizável</translation>
    </message>
    <message>
        <source>no secure connection</source>
        <translation>sem ligação segura</translation>
    </message>
    <message>
        <source>Encrypted; the portal&apos;s certificate for %1 is trusted.</source>
        <translation>Encriptada; o certificado do portal para %1 é de confiança.</translation>
    </message>
    <message>
        <source>The portal&apos;s certificate is not trusted: %1.</source>
        <translation>O certificado do portal não é de confiança: %1.</translation>
    </message>
    <message>
        <source>No secure connection: %1.</source>
        <translation>Sem ligação segura: %1.</translation>
    </message>
    <message>
        <source>No secure connection: no answer in time.</source>
        <translation>Sem ligação segura: sem resposta a tempo.</translation>
    </message>
    <message>
        <source>No token is entered.</source>
        <translation>Nenhum token introduzido.</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>sem token</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Sessão iniciada como %1.</translation>
    </message>
    <message>
        <source>The portal refused the token (HTTP %1). Copy a new token from the portal.</source>
        <translation>O portal recusou o token (HTTP %1). Copie um novo token do portal.</translation>
    </message>
    <message>
        <source>The portal answered HTTP %1 to the sign-in.</source>
        <translation>O portal respondeu HTTP %1 ao início de sessão.</translation>
    </message>
    <message>
        <source>No answer to the sign-in: %1.</source>
        <translation>Sem resposta ao início de sessão: %1.</translation>
    </message>
    <message>
        <source>The portal service (API v1) is working.</source>
        <translation>O serviço do portal (API v1) está a funcionar.</translation>
    </message>
    <message>
        <source>This address does not answer like an eInvoice portal (HTTP %1).</source>
        <translation>Este endereço não responde como um portal de faturação eletrónica (HTTP %1).</translation>
    </message>
    <message>
        <source>No answer from the portal service: %1.</source>
        <translation>Sem resposta do serviço do portal: %1.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::CorrectionService</name>
    <message>
        <source>Job %1 has no invoice to correct yet.</source>
        <translation>O documento %1 ainda não tem fatura para corrigir.</translation>
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
        <translation>O agente não está em execução, por isso as faturas não podem ser respondidas agora.</translation>
    </message>
    <message>
        <source>%1 did not arrive through this agent&apos;s portal connection, so it cannot be answered from here.</source>
        <translation>%1 não chegou pela ligação ao portal deste agente, por isso não pode ser respondida daqui.</translation>
    </message>
    <message>
        <source>The connection of profile %1 cannot be used: %2</source>
        <translation>A ligação do perfil %1 não pode ser usada: %2</translation>
    </message>
    <message>
        <source>Profile %1 exchanges invoices through a folder, which carries no answers to the seller. Answer in your portal or tell the seller directly.</source>
        <translation>O perfil %1 troca faturas através de uma pasta, que não leva respostas ao vendedor. Responda no seu portal ou contacte o vendedor diretamente.</translation>
    </message>
    <message>
        <source>The %1 connection of profile %2 carries no answers to the seller. Answer in your portal or tell the seller directly.</source>
        <translation>A ligação %1 do perfil %2 não leva respostas ao vendedor. Responda no seu portal ou contacte o vendedor diretamente.</translation>
    </message>
    <message>
        <source>Invoice %1 arrived for the sender profile &apos;%2&apos;, which is no longer set up.</source>
        <translation>A fatura %1 chegou para o perfil de remetente &apos;%2&apos;, que já não está configurado.</translation>
    </message>
    <message>
        <source>Cannot answer invoice %1 from %2: %3</source>
        <translation>Não é possível responder à fatura %1 de %2: %3</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::GeneralSettingsPage</name>
    <message>
        <source>Incoming invoices folder:</source>
        <translation>Pasta das faturas recebidas:</translation>
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
        <translation>Cópia PDF</translation>
    </message>
    <message>
        <source>Download as:</source>
        <translation>Transferir como:</translation>
    </message>
    <message>
        <source>Start eInvoice Connector when I log in</source>
        <translation>Iniciar o eInvoice Connector quando eu iniciar sessão</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Choose UBL or CII for incoming invoices: a PDF copy alone cannot be read.</source>
        <translation>Escolha UBL ou CII para as faturas recebidas: uma cópia PDF sozinha não pode ser lida.</translation>
    </message>
    <message>
        <source>Choose the folder incoming invoices are saved to.</source>
        <translation>Escolha a pasta onde as faturas recebidas são guardadas.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingModel</name>
    <message>
        <source>Accepted</source>
        <translation>Aceite</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeitada</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paga</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nova</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Não pode ser lido</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Número da fatura</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montante</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Data de vencimento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>Em processamento</translation>
    </message>
    <message>
        <source>Under query</source>
        <translation>Em esclarecimento</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::IncomingTab</name>
    <message>
        <source>Open e-invoice</source>
        <translation>Abrir fatura eletrónica</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Abrir PDF</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar na pasta</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceitar</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Rejeitar…</translation>
    </message>
    <message>
        <source>Mark as paid</source>
        <translation>Marcar como paga</translation>
    </message>
    <message>
        <source>No incoming folder is set up (Settings).</source>
        <translation>Nenhuma pasta de receção configurada (Definições).</translation>
    </message>
    <message>
        <source>Invoices downloaded from the portal into %1</source>
        <translation>Faturas transferidas do portal para %1</translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation>%1: nenhum programa para o abrir.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation>%1: a pasta não pode ser aberta.</translation>
    </message>
    <message>
        <source>Reject invoice</source>
        <translation>Rejeitar fatura</translation>
    </message>
    <message>
        <source>Answers to invoices cannot be sent from this computer; answer the seller in your portal.</source>
        <translation>Não é possível enviar respostas a faturas a partir deste computador; responda ao vendedor no seu portal.</translation>
    </message>
    <message>
        <source>Waiting for the portal to take your answer.</source>
        <translation>À espera de que o portal aceite a sua resposta.</translation>
    </message>
    <message>
        <source>You answered invoice %1: %2 (%3).</source>
        <translation>Respondeu à fatura %1: %2 (%3).</translation>
    </message>
    <message>
        <source>You answered invoice %1: %2.</source>
        <translation>Respondeu à fatura %1: %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>You already answered invoice %1 from %2: %3. Send &quot;%4&quot; as well?</source>
        <translation>Já respondeu à fatura %1 de %2: %3. Enviar também &quot;%4&quot;?</translation>
    </message>
    <message>
        <source>Answer again</source>
        <translation>Responder novamente</translation>
    </message>
    <message>
        <source>Why do you reject invoice %1 from %2? The seller reads this.</source>
        <translation>Porque rejeita a fatura %1 de %2? O vendedor lê isto.</translation>
    </message>
    <message>
        <source>Invoice %1 was not rejected: a rejection needs a reason.</source>
        <translation>A fatura %1 não foi rejeitada: uma rejeição precisa de um motivo.</translation>
    </message>
    <message>
        <source>Sending your answer about invoice %1 from %2…</source>
        <translation>A enviar a sua resposta sobre a fatura %1 de %2…</translation>
    </message>
    <message>
        <source>Invoice %1 from %2: %3 was sent.</source>
        <translation>Fatura %1 de %2: %3 foi enviado.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::JobDetailPane</name>
    <message>
        <source>Fields read from the document</source>
        <translation>Campos lidos do documento</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>O que aconteceu</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Guardar correção</translation>
    </message>
    <message>
        <source>Approve and send</source>
        <translation>Aprovar e enviar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>Abrir original</translation>
    </message>
    <message>
        <source>Open e-invoice</source>
        <translation>Abrir fatura eletrónica</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar na pasta</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Campo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Value&lt;/b&gt;</source>
        <translation>&lt;b&gt;Valor&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Found&lt;/b&gt;</source>
        <translation>&lt;b&gt;Encontrado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a document in the list to see it here.</source>
        <translation>Selecione um documento na lista para o ver aqui.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3 — &lt;i&gt;%4&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 — %3 — &lt;i&gt;%4&lt;/i&gt;</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>não encontrado</translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation>%1 % · %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
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
        <translation>(tem de ser corrigido)</translation>
    </message>
    <message>
        <source>(warning)</source>
        <translation>(aviso)</translation>
    </message>
    <message>
        <source>• Last error: %1</source>
        <translation>• Último erro: %1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Nenhum problema encontrado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs your attention&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Precisa da sua atenção&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Correção guardada.</translation>
    </message>
    <message>
        <source>The layout was learned for the next invoice of this kind.</source>
        <translation>O modelo foi aprendido para a próxima fatura deste tipo.</translation>
    </message>
    <message>
        <source>Not printed on the page, so not learned: %1.</source>
        <translation>Não impresso na página, por isso não aprendido: %1.</translation>
    </message>
    <message>
        <source>Approved; it will be sent now.</source>
        <translation>Aprovado; será enviado agora.</translation>
    </message>
    <message>
        <source>It will be tried again now.</source>
        <translation>Vai ser tentado de novo agora.</translation>
    </message>
    <message>
        <source>Discard document</source>
        <translation>Descartar documento</translation>
    </message>
    <message>
        <source>Discard %1? It will not be sent.</source>
        <translation>Descartar %1? Não será enviado.</translation>
    </message>
    <message>
        <source>this document</source>
        <translation>este documento</translation>
    </message>
    <message>
        <source>Discarded in the queue window.</source>
        <translation>Descartado na janela da fila.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Descartado.</translation>
    </message>
    <message>
        <source>%1: no program to open it.</source>
        <translation>%1: nenhum programa para o abrir.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be opened.</source>
        <translation>%1: a pasta não pode ser aberta.</translation>
    </message>
    <message>
        <source>There is no e-invoice yet: it is made when the document passes the rules.</source>
        <translation>Ainda não existe fatura eletrónica: é criada quando o documento cumpre as regras.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::JobDetails</name>
    <message>
        <source>Invoice number</source>
        <translation>Número da fatura</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Data de emissão</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Data de vencimento</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moeda</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>Seller VAT number</source>
        <translation>NIF do vendedor</translation>
    </message>
    <message>
        <source>Seller organisation number</source>
        <translation>Número de registo do vendedor</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Customer VAT number</source>
        <translation>NIF do cliente</translation>
    </message>
    <message>
        <source>Buyer reference</source>
        <translation>Referência do comprador</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>Referência da encomenda</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Total without VAT</source>
        <translation>Total sem IVA</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <source>Total with VAT</source>
        <translation>Total com IVA</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Valor a pagar</translation>
    </message>
    <message>
        <source>embedded e-invoice</source>
        <translation>fatura eletrónica incorporada</translation>
    </message>
    <message>
        <source>learned layout</source>
        <translation>modelo aprendido</translation>
    </message>
    <message>
        <source>printed label</source>
        <translation>rótulo impresso</translation>
    </message>
    <message>
        <source>calculated</source>
        <translation>calculado</translation>
    </message>
    <message>
        <source>sender profile</source>
        <translation>perfil do remetente</translation>
    </message>
    <message>
        <source>your correction</source>
        <translation>a sua correção</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>não encontrado</translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation>Não existe o documento %1.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::Language</name>
    <message>
        <source>System default</source>
        <translation>Predefinição do sistema</translation>
    </message>
    <message>
        <source>%1: cannot write the configuration</source>
        <translation>%1: não é possível gravar a configuração</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::PdfPageView</name>
    <message>
        <source>%1: the PDF cannot be shown (damaged or password protected).</source>
        <translation>%1: o PDF não pode ser mostrado (danificado ou protegido por palavra-passe).</translation>
    </message>
    <message>
        <source>No page to show</source>
        <translation>Nenhuma página para mostrar</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::PortalSettingsPage</name>
    <message>
        <source>e-invoicing portal (HTTPS)</source>
        <translation>portal de faturação eletrónica (HTTPS)</translation>
    </message>
    <message>
        <source>SFTP server</source>
        <translation>Servidor SFTP</translation>
    </message>
    <message>
        <source>Folder (another program sends)</source>
        <translation>Pasta (outro programa envia)</translation>
    </message>
    <message>
        <source>Send invoices through:</source>
        <translation>Enviar faturas através de:</translation>
    </message>
    <message>
        <source>paste the token from the portal</source>
        <translation>cole o token do portal</translation>
    </message>
    <message>
        <source>only if your IT department gave you one</source>
        <translation>só se o seu departamento de TI lhe deu um</translation>
    </message>
    <message>
        <source>Portal address:</source>
        <translation>Endereço do portal:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Token de acesso:</translation>
    </message>
    <message>
        <source>Extra certificate (PEM):</source>
        <translation>Certificado adicional (PEM):</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilizador:</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Ficheiro de chave:</translation>
    </message>
    <message>
        <source>Write e-invoices to:</source>
        <translation>Gravar faturas eletrónicas em:</translation>
    </message>
    <message>
        <source>empty: use the system&apos;s settings</source>
        <translation>vazio: usar as definições do sistema</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar ligação</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Verificação</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>não testado</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorado</translation>
    </message>
    <message>
        <source>There is no sender profile to set up.</source>
        <translation>Não existe nenhum perfil de remetente para configurar.</translation>
    </message>
    <message>
        <source>The portal address must start with https://.</source>
        <translation>O endereço do portal tem de começar por https://.</translation>
    </message>
    <message>
        <source>The SFTP server must look like sftp://host:22/folder.</source>
        <translation>O servidor SFTP deve ser como sftp://anfitriao:22/pasta.</translation>
    </message>
    <message>
        <source>Choose the folder the e-invoices are written to.</source>
        <translation>Escolha a pasta onde as faturas eletrónicas são gravadas.</translation>
    </message>
    <message>
        <source>testing…</source>
        <translation>a testar…</translation>
    </message>
    <message>
        <source>Sender profile:</source>
        <translation>Perfil de remetente:</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Perfil %1: %2</translation>
    </message>
    <message>
        <source>known_hosts file, or SHA256:... from your operator</source>
        <translation>ficheiro known_hosts, ou SHA256:... do seu operador</translation>
    </message>
    <message>
        <source>e.g. ~/in; empty: no incoming invoices</source>
        <translation>p. ex. ~/in; vazio: sem faturas recebidas</translation>
    </message>
    <message>
        <source>where answers about your invoices arrive; may be empty</source>
        <translation>onde chegam as respostas às suas faturas; pode ficar vazio</translation>
    </message>
    <message>
        <source>empty: the server&apos;s outbox folder</source>
        <translation>vazio: a pasta de saída do servidor</translation>
    </message>
    <message>
        <source>Server identity:</source>
        <translation>Identidade do servidor:</translation>
    </message>
    <message>
        <source>Incoming folder on the server:</source>
        <translation>Pasta de entrada no servidor:</translation>
    </message>
    <message>
        <source>Answers to your invoices:</source>
        <translation>Respostas às suas faturas:</translation>
    </message>
    <message>
        <source>Your answers go to:</source>
        <translation>As suas respostas vão para:</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::ProfileSettingsPage</name>
    <message>
        <source>Add profile…</source>
        <translation>Adicionar perfil…</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Perfil:</translation>
    </message>
    <message>
        <source>one folder per line</source>
        <translation>uma pasta por linha</translation>
    </message>
    <message>
        <source>I approve every invoice</source>
        <translation>Eu aprovo cada fatura</translation>
    </message>
    <message>
        <source>Send complete and valid invoices at once</source>
        <translation>Enviar logo as faturas completas e válidas</translation>
    </message>
    <message>
        <source>Name in the list:</source>
        <translation>Nome na lista:</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Nome da empresa:</translation>
    </message>
    <message>
        <source>VAT number:</source>
        <translation>NIF:</translation>
    </message>
    <message>
        <source>Organisation number:</source>
        <translation>Número de registo:</translation>
    </message>
    <message>
        <source>Electronic address:</source>
        <translation>Endereço eletrónico:</translation>
    </message>
    <message>
        <source>Country (2 letters):</source>
        <translation>País (2 letras):</translation>
    </message>
    <message>
        <source>Watched folders:</source>
        <translation>Pastas vigiadas:</translation>
    </message>
    <message>
        <source>Send policy:</source>
        <translation>Regra de envio:</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Adicionar perfil</translation>
    </message>
    <message>
        <source>Short name (letters, digits, - and _):</source>
        <translation>Nome curto (letras, algarismos, - e _):</translation>
    </message>
    <message>
        <source>Profile %1: the electronic address needs its scheme, like 0007:5566778899.</source>
        <translation>Perfil %1: o endereço eletrónico precisa do seu esquema, por exemplo 9946:500123456.</translation>
    </message>
    <message>
        <source>Profile %1: the country must be two letters, like SE.</source>
        <translation>Perfil %1: o país deve ter duas letras, por exemplo PT.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::QueueModel</name>
    <message>
        <source>Credit note</source>
        <translation>Nota de crédito</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Fatura</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Impressora: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Pasta: %1</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Adicionado: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Número da fatura</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montante</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
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
        <translation>&amp;Agente</translation>
    </message>
    <message>
        <source>&amp;Pause sending</source>
        <translation>&amp;Pausar envio</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Definições…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Por rever</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Search number, customer, file…</source>
        <translation>Pesquisar número, cliente, ficheiro…</translation>
    </message>
    <message>
        <source>Send all ready…</source>
        <translation>Enviar todos os prontos…</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>Fila de envio</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Recebidas</translation>
    </message>
    <message>
        <source>Nothing is ready to send.</source>
        <translation>Nada está pronto a enviar.</translation>
    </message>
    <message>
        <source>Send all ready</source>
        <translation>Enviar todos os prontos</translation>
    </message>
    <message numerus="yes">
        <source>Send %n ready document(s) now?</source>
        <translation>
            <numerusform>Enviar agora %n documento pronto?</numerusform>
            <numerusform>Enviar agora %n documentos prontos?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) approved for sending.</source>
        <translation>
            <numerusform>%n documento aprovado para envio.</numerusform>
            <numerusform>%n documentos aprovados para envio.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) review</source>
        <translation>
            <numerusform>%n por rever</numerusform>
            <numerusform>%n por rever</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n pronto</numerusform>
            <numerusform>%n prontos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n à espera de envio</numerusform>
            <numerusform>%n à espera de envio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n falhou</numerusform>
            <numerusform>%n falharam</numerusform>
        </translation>
    </message>
    <message>
        <source>sending paused</source>
        <translation>envio em pausa</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Nada à espera</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so eInvoice Connector shows no icon there: this window is the way in. Closing it keeps the agent working in the background; start eInvoice Connector again to bring the window back, or choose Agent › Quit to stop it.</source>
        <translation>O seu ambiente de trabalho não tem área de notificação, por isso o eInvoice Connector não mostra lá nenhum ícone: esta janela é a forma de entrar. Fechá-la mantém o agente a trabalhar em segundo plano; inicie o eInvoice Connector novamente para voltar a ver a janela, ou escolha Agente › Sair para o parar.</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SettingsDialog</name>
    <message>
        <source>eInvoice Connector settings</source>
        <translation>Definições do eInvoice Connector</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envio</translation>
    </message>
    <message>
        <source>Sender profiles</source>
        <translation>Perfis de remetente</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>As definições não foram guardadas</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::SetupWizard</name>
    <message>
        <source>Set up eInvoice Connector</source>
        <translation>Configurar o eInvoice Connector</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Seguinte &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Voltar</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Concluir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bem-vindo</translation>
    </message>
    <message>
        <source>eInvoice Connector turns the invoices you print or export from your accounting program into e-invoices and sends them to your customers through your e-invoicing portal.

This set-up asks how to reach your portal, which company you send for and where incoming invoices go. You can change everything later under Settings.</source>
        <translation>O eInvoice Connector transforma as faturas que imprime ou exporta do seu programa de contabilidade em faturas eletrónicas e envia-as aos seus clientes através do seu portal de faturação eletrónica.

Esta configuração pergunta como chegar ao seu portal, em nome de que empresa envia e para onde vão as faturas recebidas. Pode alterar tudo mais tarde em Definições.</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envio</translation>
    </message>
    <message>
        <source>How your e-invoices leave this computer. Test the connection before you go on.</source>
        <translation>Como as suas faturas eletrónicas saem deste computador. Teste a ligação antes de continuar.</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>A sua empresa</translation>
    </message>
    <message>
        <source>The company the invoices are sent for, and the folders your accounting program exports invoices to.</source>
        <translation>A empresa em nome da qual as faturas são enviadas, e as pastas para onde o seu programa de contabilidade exporta faturas.</translation>
    </message>
    <message>
        <source>Incoming invoices and language</source>
        <translation>Faturas recebidas e idioma</translation>
    </message>
    <message>
        <source>Where invoices your suppliers send you are saved.</source>
        <translation>Onde são guardadas as faturas que os seus fornecedores lhe enviam.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Press Finish to save. Print an invoice to the &quot;eInvoice&quot; printer or export it into a watched folder, and it appears in the send queue.</source>
        <translation>Prima Concluir para guardar. Imprima uma fatura na impressora &quot;eInvoice&quot; ou exporte-a para uma pasta vigiada, e ela aparece na fila de envio.</translation>
    </message>
    <message>
        <source>Set-up not saved</source>
        <translation>A configuração não foi guardada</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TokenStore</name>
    <message>
        <source>The token was not stored.</source>
        <translation>O token não foi guardado.</translation>
    </message>
    <message>
        <source>No portal token is stored in the keychain for this profile yet.</source>
        <translation>Ainda não há nenhum token do portal guardado no porta-chaves para este perfil.</translation>
    </message>
    <message>
        <source>The keychain is locked: unlock it (or log in to your desktop again), then try again.</source>
        <translation>O porta-chaves está bloqueado: desbloqueie-o (ou volte a iniciar sessão no ambiente de trabalho) e tente novamente.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (the desktop&apos;s password store does not answer): %1</source>
        <translation>Não há porta-chaves disponível neste computador (o cofre de palavras-passe do ambiente de trabalho não responde): %1</translation>
    </message>
    <message>
        <source>The keychain refused: %1</source>
        <translation>O porta-chaves recusou: %1</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TrayApp</name>
    <message>
        <source>document %1</source>
        <translation>documento %1</translation>
    </message>
    <message>
        <source>Invoice %1 was not sent</source>
        <translation>A fatura %1 não foi enviada</translation>
    </message>
    <message>
        <source>A document could not be taken in</source>
        <translation>Não foi possível receber um documento</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new invoice(s) received</source>
        <translation>
            <numerusform>%n fatura nova recebida</numerusform>
            <numerusform>%n faturas novas recebidas</numerusform>
        </translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
    <message>
        <source>About eInvoice Connector</source>
        <translation>Acerca do eInvoice Connector</translation>
    </message>
    <message>
        <source>&lt;b&gt;eInvoice Connector %1&lt;/b&gt;&lt;p&gt;Turns printed and exported invoices into Peppol e-invoices and sends them through your e-invoicing portal.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;eInvoice Connector %1&lt;/b&gt;&lt;p&gt;Transforma faturas impressas e exportadas em faturas eletrónicas Peppol e envia-as através do seu portal de faturação eletrónica.&lt;/p&gt;&lt;p&gt;Pasta de dados: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>einvoice::gui::TrayIcon</name>
    <message>
        <source>Open send queue</source>
        <translation>Abrir fila de envio</translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation>Pausar envio</translation>
    </message>
    <message>
        <source>Open incoming invoices</source>
        <translation>Abrir faturas recebidas</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Definições…</translation>
    </message>
    <message>
        <source>About eInvoice Connector</source>
        <translation>Acerca do eInvoice Connector</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Sending failed: %1</source>
        <translation>O envio falhou: %1</translation>
    </message>
    <message>
        <source>Sending is paused.</source>
        <translation>O envio está em pausa.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) need your review.</source>
        <translation>
            <numerusform>%n documento precisa da sua revisão.</numerusform>
            <numerusform>%n documentos precisam da sua revisão.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) ready to send.</source>
        <translation>
            <numerusform>%n documento pronto a enviar.</numerusform>
            <numerusform>%n documentos prontos a enviar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) failed or were rejected.</source>
        <translation>
            <numerusform>%n documento falhou ou foi rejeitado.</numerusform>
            <numerusform>%n documentos falharam ou foram rejeitados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working on %n document(s).</source>
        <translation>
            <numerusform>A trabalhar em %n documento.</numerusform>
            <numerusform>A trabalhar em %n documentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>All documents are sent.</source>
        <translation>Todos os documentos foram enviados.</translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>Retomar envio</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>eInvoice Connector: the tray application (use --headless to run without a display).</source>
        <translation>eInvoice Connector: a aplicação da área de notificação (use --headless para executar sem ecrã).</translation>
    </message>
    <message>
        <source>Run without a display.</source>
        <translation>Executar sem ecrã.</translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation>Ficheiro de configuração (predefinido %1).</translation>
    </message>
    <message>
        <source>Run the set-up wizard.</source>
        <translation>Executar o assistente de configuração.</translation>
    </message>
    <message>
        <source>eInvoice Connector</source>
        <translation>eInvoice Connector</translation>
    </message>
</context>
</TS>
