def log = new File(basedir, 'build.log').text
// The chart under src/main/helm is rendered by the embedded Helm; findings land on its templates,
// the pre-install hook's included.
assert log.contains('[ERROR] src/main/helm/web/templates/deployment.yaml:17')
assert log.contains('[ERROR] src/main/helm/web/templates/migrate.yaml:12')
assert log.contains('[cpu-request-missing]')
assert log.contains('chartlint: 3 findings reach failOn=error')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.json'))
assert report.findings.size() == 3
report.findings.sort { it.location.file + it.ruleId }
assert report.findings[0].location.file == 'src/main/helm/web/templates/deployment.yaml'
assert report.findings[0].location.template == 'web/templates/deployment.yaml'
// releaseName and namespace reach Helm
assert report.findings[0].resource.name == 'storefront-web'
assert report.findings[0].resource.namespace == 'shop'
// each finding names the value that writes its field, or says that the template does
assert report.findings[0].location.values.path == 'resources'
assert report.findings[0].location.values.file == 'src/main/helm/web/values.yaml'
assert report.findings[0].location.values.line == 1
assert report.findings[1].location.values.source == 'template'
