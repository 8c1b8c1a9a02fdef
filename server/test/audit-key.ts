// One audit key for every test process and the servers and CLIs they start (they inherit the environment), so
// that no test writes a key file into the working folder.
process.env.TANSIQ_AUDIT_KEY ??= "tansiq-test-audit-key-0123456789abcdef";
