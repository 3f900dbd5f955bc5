#pragma once

#include <condition_variable>
#include <curl/curl.h>
#include <mutex>
#include <thread>
#include <vector>

namespace einvoice {

/// Runs libcurl transfers through one multi handle, for callers that want to stay synchronous.
///
/// Purpose: every transfer of one owner (a transport) goes through the same CURLM, so they share
/// its connection cache and DNS cache: a connection opened for one call is reused by the next,
/// whichever thread makes it, HTTP/2 streams are multiplexed over one connection when the server
/// speaks h2 (CURLPIPE_MULTIPLEX), and the number of connections to a host stays bounded
/// (CURLMOPT_MAX_HOST_CONNECTIONS; transfers beyond it wait in curl's queue for a free one).
///
/// Threading: perform() may be called from any number of threads at once. It hands the easy
/// handle, fully configured by the caller, to a worker thread that drives all transfers with
/// curl_multi_poll / curl_multi_perform / curl_multi_info_read (woken by curl_multi_wakeup),
/// and blocks until that transfer has finished. Callbacks set on the easy handle (write, header,
/// read...) run on the worker thread while the caller waits. The caller must not touch the easy
/// handle while perform() runs; once it returns, the handle is out of the multi and the caller's
/// again (curl_easy_getinfo, curl_easy_reset, reuse).
///
/// Ownership: the easy handles stay the caller's; CurlMulti owns the CURLM and the worker thread.
/// abort() (also done by the destructor) stops the worker and ends every transfer in flight or
/// waiting with CURLE_ABORTED_BY_CALLBACK, so no caller hangs; later calls fail at once. The
/// destructor returns only when every caller has left perform(). abort() and the destructor are
/// for the owner's thread; curl_global_init must have run before construction.
class CurlMulti
{
public:
    /// @p maxHostConnections: connections open at once to one host (and port);
    /// @p maxConnects: idle connections kept in the cache for reuse.
    explicit CurlMulti(long maxHostConnections = 4, long maxConnects = 8);
    ~CurlMulti();
    CurlMulti(const CurlMulti &) = delete;
    CurlMulti &operator=(const CurlMulti &) = delete;

    /// Runs the transfer @p easy is set up for and returns its result (CURLE_OK when it finished;
    /// CURLE_FAILED_INIT when the multi handle is unusable; CURLE_ABORTED_BY_CALLBACK when
    /// aborted).
    CURLcode perform(CURL *easy);
    /// Ends all transfers and stops the worker; perform() fails from now on. Idempotent.
    void abort();

private:
    struct Transfer
    {
        CURL *easy = nullptr;
        CURLcode result = CURLE_OK;
        bool done = false;
    };
    void run();
    /// Marks @p transfer done with @p result; m_mutex must be held.
    void finish(Transfer *transfer, CURLcode result);
    /// Takes every transfer out and marks it done with @p result; m_mutex must be held and the
    /// worker must be gone or be the caller.
    void failAll(CURLcode result);

    CURLM *m_multi = nullptr;
    std::mutex m_mutex;                 ///< guards everything below except m_running and m_thread
    std::condition_variable m_change;   ///< a transfer finished or a caller left perform()
    std::vector<Transfer *> m_incoming; ///< handed over, not yet added to the multi handle
    bool m_stopping = false;
    int m_callers = 0;                 ///< threads inside perform()
    std::vector<Transfer *> m_running; ///< in the multi handle; the worker's alone while it runs
    std::thread m_thread;
};

} // namespace einvoice
