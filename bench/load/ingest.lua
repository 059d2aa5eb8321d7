-- wrk script: POST one tested unit a request (long CSV, 20 measurements) to the test-data ingest API.
-- Every request's serial is new (thread number and counter), so each one stores a run; none is a duplicate.
-- Environment: INGEST_BATCH (a batch on the line the URL names), INGEST_KEY (the line's party's station API key).
local threads = 0
local batch = os.getenv("INGEST_BATCH")
local key = os.getenv("INGEST_KEY")

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  counter = 0
  started = os.time()
end

function request()
  counter = counter + 1
  local serial = string.format("LOAD-%d-%d-%d", started, id, counter)
  local rows = { "serial,batch,station,test_plan,run_start,run_result,firmware,measurement,value,unit,low,high,result" }
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ")
  for m = 1, 20 do
    rows[#rows + 1] = string.format("%s,%s,FCT-LOAD,TP-4,%s,Passed,2.4.1,M%02d,%.4f,V,0,5,Passed", serial, batch, at, m, 3.3 + m / 1000)
  end
  local body = table.concat(rows, "\n") .. "\n"
  return wrk.format("POST", nil, { ["Content-Type"] = "text/csv", ["X-Api-Key"] = key }, body)
end
