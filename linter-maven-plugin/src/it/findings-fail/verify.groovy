def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/k8s/agent.yaml:6:1: [manifest-invalid] document is not a Kubernetes object: it lacks kind')
assert log.contains('chartlint: 1 error, 0 warnings, 0 info, 0 suppressed in 2 files (2 objects)')
assert log.contains('chartlint: 1 finding reaches failOn=error')
// legacy/** is excluded from the manifest set, so its syntax error is not reported.
assert !log.contains('broken.yaml')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.json'))
assert report.findings.size() == 1
assert report.findings[0].ruleId == 'manifest-invalid'
assert report.findings[0].location.file == 'src/main/k8s/agent.yaml'
assert report.findings[0].location.line == 6

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.any { it.ruleId == 'manifest-invalid' }

def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/chartlint/chartlint.junit.xml'))
assert junit.'**'.findAll { it.name() == 'failure' }.size() >= 1
