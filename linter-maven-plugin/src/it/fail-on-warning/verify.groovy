def log = new File(basedir, 'build.log').text
// The project's .chartlint.yaml lowers yaml-duplicate-key to a warning.
assert log.contains("[WARNING] src/main/k8s/agent.yaml:7:5: [yaml-duplicate-key] duplicate key 'app' (first at line 6")
assert log.contains('chartlint: 0 errors, 1 warning, 0 info')
assert log.contains('chartlint: 1 finding reaches failOn=warning')
