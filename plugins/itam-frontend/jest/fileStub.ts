// Stands in for stylesheet and image imports in the frontend jest project.
export default 'test-file-stub';
