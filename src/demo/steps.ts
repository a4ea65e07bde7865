/** The demo's steps: what to show and what to say at each, and which simulated site the stage holds. Words are
 *  message keys; facts come from the rules data (dataset summaries), so the demo says what the warnings say. */
import type { DemoSite } from '../shared/demo-sites';

export type { DemoSite };

export interface DemoStep {
  id: string;
  title: string;
  show: string;
  say: string;
  site?: DemoSite;
  /** Datasets whose summaries (from rules/datasets) back what to say. */
  datasets?: string[];
  timeline?: boolean;
}

export const STEPS: DemoStep[] = [
  { id: 'intro', title: 'demo_step_intro_title', show: 'demo_step_intro_show', say: 'demo_step_intro_say' },
  { id: 'photo', title: 'demo_step_photo_title', show: 'demo_step_photo_show', say: 'demo_step_photo_say', site: 'photo', datasets: ['yfcc100m', 'megaface', 'ibm-dif'] },
  { id: 'dating', title: 'demo_step_dating_title', show: 'demo_step_dating_show', say: 'demo_step_dating_say', site: 'dating', datasets: ['okcupid-clarifai'] },
  { id: 'selfie', title: 'demo_step_selfie_title', show: 'demo_step_selfie_show', say: 'demo_step_selfie_say', site: 'selfie' },
  { id: 'social', title: 'demo_step_social_title', show: 'demo_step_social_show', say: 'demo_step_social_say', site: 'social', datasets: ['clearview-ai'] },
  { id: 'blog', title: 'demo_step_blog_title', show: 'demo_step_blog_show', say: 'demo_step_blog_say', site: 'blog', datasets: ['laion-5b'] },
  { id: 'timeline', title: 'demo_step_timeline_title', show: 'demo_step_timeline_show', say: 'demo_step_timeline_say', timeline: true },
  { id: 'reserve', title: 'demo_step_reserve_title', show: 'demo_step_reserve_show', say: 'demo_step_reserve_say', site: 'archive' },
  { id: 'act', title: 'demo_step_act_title', show: 'demo_step_act_show', say: 'demo_step_act_say' },
];
