// Signing in and out: the form posts the name and password to /v1/session (the server sets an
// HttpOnly session cookie), the header shows who is signed in, and the session's CSRF token is
// handed to api.js for every change. Nothing is kept in the browser's storage.
import { $, say } from './dom.js';
import { api, explain, useCSRFToken } from './api.js';

const roleNames = { dispatcher: '调度员', planner: '规划员', gis: '地理信息', admin: '管理员', leader: '镇领导', county: '县级' };

export const session = {
  /** Who is signed in (GET /v1/session's answer), null for nobody. */
  current: null,

  show(json) {
    this.current = json && json.signed_in ? json : null;
    useCSRFToken(this.current ? this.current.csrf_token || null : null);
    $('signin-form').hidden = this.current !== null;
    $('signed-in').hidden = this.current === null;
    $('whoami').textContent = this.current ? `${this.current.name}（${roleNames[this.current.role] || this.current.role}）` : '';
    document.dispatchEvent(new CustomEvent('gridmap:session', { detail: this.current }));
  },

  async load() {
    try {
      this.show((await api('/v1/session')).json);
    } catch (error) {
      say('signin-status', explain(error), 'error');
    }
  },

  async signIn() {
    const name = $('signin-name').value.trim(), password = $('signin-password').value;
    if (!name || !password) return say('signin-status', '请输入姓名和密码', 'error');
    try {
      this.show((await api('/v1/session', { method: 'POST', body: { name, password } })).json);
      $('signin-password').value = '';
      say('signin-status', '已登录', 'ok');
    } catch (error) {
      say('signin-status', error.status === 401 ? '姓名或密码错误' : explain(error), 'error');
    }
  },

  async signOut() {
    try {
      await api('/v1/session', { method: 'DELETE' });
    } catch (error) {
      say('signin-status', explain(error), 'error');
    }
    this.show(null);
    say('signin-status', '已退出', 'ok');
  },
};

$('signin-form').addEventListener('submit', () => session.signIn());
$('signout-btn').addEventListener('click', () => session.signOut());
