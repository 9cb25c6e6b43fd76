import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// batch's annotation has no chartlint.io/ignore-reason, which the config requires: reported anyway.
assert log.contains("[ERROR] src/main/k8s/apps.yaml:60:13: [cpu-request-missing] container 'batch' has no cpu request")
assert log.contains("chartlint: ignored by policy: annotation on Deployment/batch pod template: it has no chartlint.io/ignore-reason beside it, which the suppressions section of .chartlint.yaml requires, reported: src/main/k8s/apps.yaml:60:13: [cpu-request-missing]")
assert log.contains('chartlint: 1 error, 0 warnings, 0 info, 3 suppressed, 1 ignored by policy in 1 file (3 objects)')
// the exclude names the proxy container only; legacy's annotation gives its reason
assert !log.contains("container 'proxy'")
assert !log.contains("container 'app'")
assert !log.contains("container 'legacy'")

def report = new JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.json'))
assert report.summary.suppressed == 3
assert report.summary.ignoredByPolicy == 1
assert report.findings*.ruleId == ['cpu-request-missing']
assert report.ignoredByPolicy.size() == 1
assert report.ignoredByPolicy[0].resource.name == 'batch'
assert report.ignoredByPolicy[0].ignoredSuppression.startsWith('annotation on Deployment/batch pod template: it has no chartlint.io/ignore-reason')
