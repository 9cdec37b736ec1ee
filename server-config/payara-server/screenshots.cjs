// Screenshots of the Payara Server admin console for docs/admin-console.md, taken by deploy.sh --screenshots.
// Usage: NODE_PATH=<dir with playwright-core> node screenshots.cjs http://localhost:4848 docs/images
// Drives Debian's Chromium headless (playwright-core cannot download a browser here, nor needs to).
const { chromium } = require('playwright-core');

const [console_, outDir] = process.argv.slice(2);

async function open(page, path, tabId) {
    // a page may first pass through the console's automatic login: load it again until the tab is there
    for (let attempt = 1; attempt <= 3; attempt++) {
        await page.goto(console_ + path, { timeout: 180000 });
        await page.waitForLoadState('networkidle');
        if (!tabId) {
            return;
        }
        const tab = await page.waitForSelector(`[id="${tabId}"]`, { timeout: 60000 }).catch(() => null);
        if (tab) {
            // the console's tabs post their form from an onclick handler and redraw the page
            await tab.click();
            await page.waitForTimeout(5000);
            await page.waitForLoadState('networkidle');
            return;
        }
        await page.waitForTimeout(2000);
    }
    throw new Error(`No tab ${tabId} at ${path}`);
}

async function shot(page, name) {
    await page.screenshot({ path: `${outDir}/${name}.png` });
    console.log(`${outDir}/${name}.png`);
}

(async () => {
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
    try {
        // each view in a page of its own: the console keeps state per page that confuses the next view
        const view = async (name, path, tabId) => {
            const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
            await open(page, path, tabId);
            await shot(page, name);
            await page.close();
        };
        // the first request deploys the console itself, which takes minutes: wait until it is more than its
        // "starting" page, or every screenshot shows that page
        const warmUp = await browser.newPage();
        for (let attempt = 1; ; attempt++) {
            await open(warmUp, '/');
            if (!(await warmUp.content()).includes('Admin Console is starting')) {
                break;
            }
            if (attempt === 60) {
                throw new Error('The admin console did not start');
            }
            await warmUp.waitForTimeout(5000);
        }
        await warmUp.close();
        await view('admin-console-application', '/common/applications/applicationEdit.jsf?appName=assure-gateway');
        await view('admin-console-rest-endpoints', '/payaraExtras/payaraRestEndpoints/payaraRestEndpoints.jsf'
            + '?appName=assure-gateway&compName=com.assuregateway.platform.boundary.GatewayApplication');
        await view('admin-console-application-resources',
            '/common/applications/applicationEdit.jsf?appName=assure-gateway', 'propertyForm:appGeneralTabs:resourcesTab');
        await view('admin-console-jdbc-pools', '/jdbc/jdbcConnectionPools.jsf');
        await view('admin-console-microprofile-config',
            '/microprofile/microprofile/specs/configConfiguration.jsf?configName=server-config',
            'propertyForm:microprofileConfigTabs:microProfileConfigPropertyTab');

        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await open(page, '/');
        await page.click('text=List Password Aliases');
        await page.waitForTimeout(3000);
        await page.waitForLoadState('networkidle');
        await shot(page, 'admin-console-password-aliases');
    } finally {
        await browser.close();
    }
})().catch(e => { console.error(e); process.exit(1); });
