-- The leads' dashboard counts the requests received in each week of its period from this index instead of
-- reading the whole table; it carries what the count asks of each request (met, late or open), so the
-- rows themselves are not read.
CREATE INDEX requests_received ON requests (received_at, status, due_at, resolved_at);
