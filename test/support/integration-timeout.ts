// Integration tests start processes and wait for second-scale escalation windows.
jest.setTimeout(180_000);
