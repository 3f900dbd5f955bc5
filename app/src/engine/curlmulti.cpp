#include "curlmulti.h"

#include <QLoggingCategory>
#include <algorithm>
#include <system_error>

Q_LOGGING_CATEGORY(lcCurlMulti, "einvoice.transport.curl", QtInfoMsg)

namespace einvoice {

namespace {

/// The longest the worker sleeps when nothing wakes it. curl_multi_poll() shortens the wait to
/// curl's own next timeout (connect, total, low-speed...), and new transfers and abort() wake
/// it at once, so this bound is only a safety net, never a polling interval.
constexpr int kIdleWaitMs = 60 * 1000;

} // namespace

CurlMulti::CurlMulti(long maxHostConnections, long maxConnects)
{
    m_multi = curl_multi_init();
    if (!m_multi) {
        qCWarning(lcCurlMulti) << "curl_multi_init failed";
        return;
    }
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxHostConnections);
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, maxConnects);
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error &e) {
        qCWarning(lcCurlMulti) << "cannot start the transfer thread:" << e.what();
        curl_multi_cleanup(m_multi);
        m_multi = nullptr;
    }
}

CurlMulti::~CurlMulti()
{
    abort();
    {
        // Woken callers still touch m_mutex and m_change on their way out of perform().
        std::unique_lock<std::mutex> lock(m_mutex);
        m_change.wait(lock, [this] { return m_callers == 0; });
    }
    if (m_multi)
        curl_multi_cleanup(m_multi);
}

void CurlMulti::finish(Transfer *transfer, CURLcode result)
{
    transfer->result = result;
    transfer->done = true;
    m_change.notify_all();
}

void CurlMulti::abort()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    if (!m_thread.joinable())
        return;
    curl_multi_wakeup(m_multi);
    m_thread.join();
    // The worker is gone: what it had in the multi handle is ours now.
    std::lock_guard<std::mutex> lock(m_mutex);
    failAll(CURLE_ABORTED_BY_CALLBACK);
}

void CurlMulti::failAll(CURLcode result)
{
    if (!m_running.empty() || !m_incoming.empty())
        qCDebug(lcCurlMulti) << "ending" << m_running.size() + m_incoming.size() << "transfers with"
                             << curl_easy_strerror(result);
    for (Transfer *t : m_running) {
        curl_multi_remove_handle(m_multi, t->easy);
        finish(t, result);
    }
    m_running.clear();
    for (Transfer *t : m_incoming)
        finish(t, result);
    m_incoming.clear();
}

CURLcode CurlMulti::perform(CURL *easy)
{
    Transfer transfer;
    transfer.easy = easy;
    std::unique_lock<std::mutex> lock(m_mutex);
    if (!m_multi)
        return CURLE_FAILED_INIT;
    if (m_stopping)
        return CURLE_ABORTED_BY_CALLBACK;
    ++m_callers;
    m_incoming.push_back(&transfer);
    // m_multi outlives this call: the destructor waits for m_callers to drop to 0.
    curl_multi_wakeup(m_multi);
    m_change.wait(lock, [&transfer] { return transfer.done; });
    if (--m_callers == 0 && m_stopping)
        m_change.notify_all();
    return transfer.result;
}

void CurlMulti::run()
{
    for (;;) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping)
                return;
            for (Transfer *t : m_incoming) {
                const CURLMcode rc = curl_multi_add_handle(m_multi, t->easy);
                if (rc == CURLM_OK) {
                    m_running.push_back(t);
                } else {
                    qCWarning(lcCurlMulti) << "curl_multi_add_handle:" << curl_multi_strerror(rc);
                    finish(t, CURLE_FAILED_INIT);
                }
            }
            m_incoming.clear();
        }
        int active = 0;
        const CURLMcode performed = curl_multi_perform(m_multi, &active);
        if (performed != CURLM_OK)
            qCWarning(lcCurlMulti) << "curl_multi_perform:" << curl_multi_strerror(performed);
        int queued = 0;
        while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
            if (message->msg != CURLMSG_DONE)
                continue;
            // The message is gone once its handle leaves the multi handle: copy what is needed.
            CURL *easy = message->easy_handle;
            const CURLcode result = message->data.result;
            curl_multi_remove_handle(m_multi, easy);
            const auto it = std::find_if(m_running.begin(), m_running.end(),
                                         [easy](const Transfer *t) { return t->easy == easy; });
            if (it == m_running.end())
                continue;
            Transfer *done = *it;
            m_running.erase(it);
            std::lock_guard<std::mutex> lock(m_mutex);
            finish(done, result);
        }
        const CURLMcode polled = curl_multi_poll(m_multi, nullptr, 0, kIdleWaitMs, nullptr);
        if (polled != CURLM_OK) {
            // Cannot wait any more (out of memory, broken wakeup pipe): fail everything rather
            // than spin or leave callers hanging; perform() refuses new transfers from now on.
            qCWarning(lcCurlMulti) << "curl_multi_poll:" << curl_multi_strerror(polled);
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
            failAll(CURLE_RECV_ERROR);
            return;
        }
    }
}

} // namespace einvoice
