'use strict';
// Drives Reelforge's embedded stack with Shotstack's official Node SDK, exactly as its README shows, changing only
// the base path. ShotstackSdkIT runs one scenario per process and judges what it prints: one JSON object (the SDK's
// own parsed results) on stdout, or {"error": ...} with the failing call's status and body.
//
//   node drive.js <scenario>   with REELFORGE_API (http://127.0.0.1:port), REELFORGE_KEY, REELFORGE_STAGE and
//                              REELFORGE_ARGS (a JSON object of the scenario's inputs)
const Shotstack = require('shotstack-sdk');

const api = process.env.REELFORGE_API;
const stage = process.env.REELFORGE_STAGE;
const args = JSON.parse(process.env.REELFORGE_ARGS || '{}');

function client(face) {
  const apiClient = new Shotstack.ApiClient(`${api}/${face}/${stage}`);
  apiClient.authentications['DeveloperKey'].apiKey = process.env.REELFORGE_KEY;
  return apiClient;
}

const edit = new Shotstack.EditApi(client('edit'));
const serve = new Shotstack.ServeApi(client('serve'));
const ingest = new Shotstack.IngestApi(client('ingest'));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(read, done, what) {
  const deadline = Date.now() + (args.waitSeconds || 120) * 1000;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not finish: ${JSON.stringify(value)}`);
    }
    await sleep(500);
  }
}

// The README's "Video Editing Example", with a title instead of a video so that no media is needed.
function titleEdit(text, length) {
  const title = new Shotstack.TitleAsset();
  title.setText(text).setStyle('minimal');
  const clip = new Shotstack.Clip();
  clip.setAsset(title).setStart(0).setLength(length);
  const track = new Shotstack.Track();
  track.setClips([clip]);
  const timeline = new Shotstack.Timeline();
  timeline.setTracks([track]);
  const output = new Shotstack.Output();
  output.setFormat('mp4').setResolution('preview');
  const result = new Shotstack.Edit();
  result.setTimeline(timeline).setOutput(output);
  return result;
}

// shotstack-sdk 0.2.9 cannot parse an edit it reads back: its Asset is a oneOf whose members it tells apart by their
// required properties only (every src asset requires src, title and text both require text), so any real asset
// matches several and getTemplate throws "Multiple matches found constructing `Asset`" after a successful exchange,
// against Shotstack itself as well. Then the same GET is sent through the SDK's own ApiClient, unparsed.
async function readTemplate(id) {
  try {
    return { parsedBySdk: true, template: (await edit.getTemplate(id)).response };
  } catch (error) {
    if (error.status) {
      throw error;
    }
    const raw = await edit.apiClient.callApi('/templates/{id}', 'GET', { id }, {}, {}, {}, null, ['DeveloperKey'],
      [], ['application/json'], Object, null);
    return { parsedBySdk: false, sdkError: String(error.message), template: raw.data.response };
  }
}

async function finishedRender(id) {
  return until(() => edit.getRender(id, { data: false, merged: true }),
    (data) => ['done', 'failed'].includes(data.response.status), `render ${id}`);
}

const scenarios = {
  async render() {
    const queued = await edit.postRender(titleEdit('Hello SDK', 2));
    const status = await finishedRender(queued.response.id);
    const assets = await until(() => serve.getAssetByRenderId(queued.response.id),
      (data) => data.data.some((asset) => asset.attributes.status === 'ready'), 'hosting');
    const video = assets.data.find((asset) => asset.attributes.filename.endsWith('.mp4'));
    const byId = await serve.getAsset(video.attributes.id);
    // Reelforge's status carries `progress`, which the SDK's RenderResponseData does not know: the exchange as sent
    // and the SDK's own parse of it, side by side.
    const read = await edit.getRenderWithHttpInfo(queued.response.id, { data: false });
    return {
      queued: queued.response,
      status: status.response,
      statusAsSent: JSON.parse(read.response.text).response,
      statusAsParsed: read.data.response,
      parsedKnowsProgress: Object.prototype.hasOwnProperty.call(read.data.response, 'progress'),
      assets: assets.data.map((asset) => asset.attributes),
      asset: byId.data.attributes,
    };
  },

  async templates() {
    const template = new Shotstack.Template();
    template.setName('SDK template').setTemplate(titleEdit('{{NAME}}', 2));
    const created = await edit.postTemplate(template);
    const id = created.response.id;
    const listed = await edit.getTemplates();
    const read = await readTemplate(id);
    const renamed = new Shotstack.Template();
    renamed.setName('SDK template, renamed').setTemplate(titleEdit('{{NAME}}', 3));
    const updated = await edit.putTemplate(id, renamed);
    const reread = await readTemplate(id);
    const merge = new Shotstack.MergeField();
    merge.setFind('NAME').setReplace('Jane');
    const render = new Shotstack.TemplateRender();
    render.setId(id).setMerge([merge]);
    const queued = await edit.postTemplateRender(render);
    const status = await finishedRender(queued.response.id);
    await edit.deleteTemplate(id);
    let afterDelete;
    try {
      await edit.getTemplate(id);
      afterDelete = 200;
    } catch (error) {
      afterDelete = error.status;
    }
    return {
      created: created.response,
      listed: listed.response,
      read,
      updated: updated.response,
      reread,
      queued: queued.response,
      status: status.response,
      afterDelete,
    };
  },

  async probe() {
    const results = {};
    for (const [name, url] of Object.entries(args.urls)) {
      const data = await edit.probe(url);
      results[name] = { success: data.success, message: data.message, response: data.response };
    }
    return results;
  },

  async ingest() {
    const source = new Shotstack.Source();
    source.setUrl(args.url);
    if (args.renditions) {
      const renditions = args.renditions.map((wanted) => {
        const rendition = new Shotstack.Rendition();
        rendition.setFormat(wanted.format);
        if (wanted.resolution) rendition.setResolution(wanted.resolution);
        if (wanted.fps) rendition.setFps(wanted.fps);
        if (wanted.filename) rendition.setFilename(wanted.filename);
        return rendition;
      });
      const outputs = new Shotstack.Outputs();
      outputs.setRenditions(renditions);
      source.setOutputs(outputs);
    }
    const queued = await ingest.postSource(source);
    const id = queued.data.id;
    const ready = await until(() => ingest.getSource(id),
      (data) => ['ready', 'failed'].includes(data.data.attributes.status)
        && (data.data.attributes.outputs?.renditions || []).every((r) => ['ready', 'failed'].includes(r.status)),
      `source ${id}`);
    const listed = await ingest.getSources();
    const upload = await ingest.getUploadSignedUrl();
    return {
      queued: queued.data,
      ready: ready.data,
      listedIds: listed.data.map((item) => item.id),
      upload: upload.data,
    };
  },

  async deleteSource() {
    await ingest.deleteSource(args.id);
    const deleted = await ingest.getSource(args.id);
    return { deleted: deleted.data };
  },

  async transfer() {
    const destination = new Shotstack.ShotstackDestination();
    destination.setProvider('shotstack');
    const transfer = new Shotstack.Transfer();
    transfer.setUrl(args.url).setId(args.id).setDestinations([destination]);
    const queued = await serve.postServeAsset(transfer);
    const hosted = await until(() => serve.getAssetByRenderId(args.id),
      (data) => data.data.length > 0 && data.data.every((asset) => ['ready', 'failed'].includes(asset.attributes.status)),
      `transfer ${args.id}`);
    return { queued: queued.data, hosted: hosted.data.map((asset) => asset.attributes) };
  },
};

async function main() {
  const scenario = scenarios[process.argv[2]];
  if (!scenario) {
    throw new Error(`no scenario ${process.argv[2]}; known: ${Object.keys(scenarios).join(', ')}`);
  }
  const result = await scenario();
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  const failure = { error: String(error && error.message || error) };
  if (error && error.status) {
    failure.status = error.status;
    failure.body = error.response && error.response.text;
  }
  process.stdout.write(JSON.stringify(failure));
  process.exitCode = 1;
});
