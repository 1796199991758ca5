-- wrk script for scripts/bench.d/listener.py: every request is a webhook signed in advance by
-- listener.py, each with a webhook-id of its own. Arguments (after --): the file of signed
-- attempts ("id timestamp signature" lines), how many each thread takes, the body file.
local thread_count = 0

function setup(thread)
    thread:set("thread_index", thread_count)
    thread_count = thread_count + 1
end

function init(args)
    local attempts_path, per_thread, body_path = args[1], tonumber(args[2]), args[3]
    local body_file = assert(io.open(body_path, "rb"))
    local body = body_file:read("*a")
    body_file:close()
    local first = thread_index * per_thread
    requests = {}
    local line_number = 0
    for line in io.lines(attempts_path) do
        if line_number >= first + per_thread then break end
        if line_number >= first then
            local id, timestamp, signature = line:match("^(%S+) (%S+) (%S+)$")
            requests[#requests + 1] = wrk.format("POST", "/", {
                ["Content-Type"] = "application/json",
                ["User-Agent"] = "polar.sh webhooks",
                ["webhook-id"] = id,
                ["webhook-timestamp"] = timestamp,
                ["webhook-signature"] = signature,
                ["webhook-api-version"] = "2026-10",
            }, body)
        end
        line_number = line_number + 1
    end
    next_request = 0
end

function request()
    next_request = next_request % #requests + 1
    return requests[next_request]
end
