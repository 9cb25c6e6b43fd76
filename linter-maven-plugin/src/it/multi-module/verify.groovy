def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('MultiThreadedBuilder implementation with a thread count of 2')
// The parent has neither charts nor manifests.
assert log.contains('chartlint: nothing to lint')
// Each module finds the .chartlint.yaml of the parent directory, which lowers yaml-duplicate-key.
assert log.contains("[WARNING] src/main/k8s/agent.yaml:7:5: [yaml-duplicate-key] duplicate key 'app'")

def slurper = new groovy.json.JsonSlurper()
def agent = slurper.parse(new File(basedir, 'agent/target/chartlint/chartlint.json'))
assert agent.findings*.ruleId == ['yaml-duplicate-key']
assert agent.findings[0].severity == 'warning'
def web = slurper.parse(new File(basedir, 'web/target/chartlint/chartlint.json'))
assert web.findings.isEmpty()
assert web.summary.objects == 1

// The log names files as the module sees them; the reports relative to the reactor root, where
// code scanning and CI servers resolve them.
assert agent.findings[0].location.file == 'agent/src/main/k8s/agent.yaml'
