def log = new File(basedir, 'build.log').text
// The policy of the plugin's policies parameter runs, and is reported like a built-in rule.
assert log.contains('src/main/k8s/web.yaml:12:11: [containers-limit-memory] Containers set a memory limit: container \'web\': resources: required property \'limits\' not found')
assert log.contains('chartlint: 1 finding reaches failOn=error')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.sarif'))
def rule = sarif.runs[0].tool.driver.rules.find { it.id == 'containers-limit-memory' }
assert rule != null
assert rule.helpUri == null
